import { appendAudit, nextAuditPosition } from './audit-feed';
import {
  campaignsQuery,
  inboxAndAuditQuery,
  type AuditRow,
  type CampaignRow,
  type QueryRow,
} from './dashboard-queries';
import type { GraphqlRequest } from './graphql-client';
import { resolveSelection, type Selection } from './selection';

/** Everything the page shows at one moment. */
export interface DashboardSnapshot {
  campaigns: CampaignRow[];
  selection: Selection;
  openQueries: QueryRow[];
  /** The selected campaign's audit entries in store order, the newest window of them. */
  audit: AuditRow[];
}

const auditPage = 200;
// A long history is read a few pages per refresh rather than in one burst.
const auditPagesPerRefresh = 5;

/**
 * Reads a fresh snapshot. The audit feed continues from the previous snapshot when the same
 * campaign is still selected, so each refresh reads only what was appended since.
 */
export async function loadDashboard(
  request: GraphqlRequest,
  wanted: Selection,
  previous?: DashboardSnapshot,
): Promise<DashboardSnapshot> {
  const { campaigns } = await request<{ campaigns: CampaignRow[] }>(campaignsQuery);
  const selection = resolveSelection(campaigns, wanted);
  const sameCampaign = previous?.selection.campaignId === selection.campaignId;

  let audit = sameCampaign && previous ? previous.audit : [];
  let openQueries: QueryRow[] = [];
  for (let page = 0; page < auditPagesPerRefresh; page += 1) {
    const withInbox = page === 0 && selection.expertId !== null;
    const withAudit = selection.campaignId !== null;
    if (!withInbox && !withAudit) break;

    const result = await request<{ openQueries?: QueryRow[]; auditEvents?: AuditRow[] }>(
      inboxAndAuditQuery,
      {
        expertId: selection.expertId ?? '',
        withInbox,
        campaignId: selection.campaignId ?? '',
        withAudit,
        afterPosition: nextAuditPosition(audit),
        limit: auditPage,
      },
    );
    if (withInbox) openQueries = result.openQueries ?? [];
    const entries = result.auditEvents ?? [];
    audit = appendAudit(audit, entries);
    if (entries.length < auditPage) break;
  }

  return { campaigns, selection, openQueries, audit };
}
