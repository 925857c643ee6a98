import type { AuditEntryView } from '../../read-model';
import { requireCampaign } from '../arguments';
import { codedError } from '../coded-error';
import type { Resolver } from '../context';

/** An audit entry as the schema exposes it: data serialised, since GraphQL has no JSON type. */
export type AuditEventNode = Omit<AuditEntryView, 'data'> & { data: string };

interface AuditEventsArgs {
  campaignId: string;
  afterPosition: number;
  limit: number;
}

/** The largest page one request may ask for, so one client cannot make the server read it all. */
export const maxAuditPage = 500;

const auditEvents: Resolver<AuditEventsArgs, AuditEventNode[]> = (
  _parent,
  { campaignId, afterPosition, limit },
  { readModel },
) => {
  if (!Number.isInteger(limit) || limit < 1 || limit > maxAuditPage) {
    throw codedError('VALIDATION', `limit must be 1 to ${maxAuditPage}, got ${limit}`);
  }
  if (afterPosition < 0) {
    throw codedError('VALIDATION', `afterPosition must be 0 or more, got ${afterPosition}`);
  }
  requireCampaign(readModel, campaignId);

  const entries = readModel.auditEvents(campaignId, { afterPosition, limit });
  return entries.map((entry) => ({ ...entry, data: JSON.stringify(entry.data) }));
};

export const auditResolvers: {
  Query: { auditEvents: Resolver<AuditEventsArgs, AuditEventNode[]> };
} = {
  Query: { auditEvents },
};
