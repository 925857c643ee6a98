import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NewEvent, RecordedEvent } from '../../../events/catalog';
import {
  auditTrailOf,
  evolveAuditTrail,
  initialAuditTrail,
  projectAuditTrail,
} from '../../../events/projections/audit-trail';
import {
  evolveCampaignStatus,
  initialCampaignStatus,
  projectCampaignStatus,
} from '../../../events/projections/campaign-status';
import {
  evolveQueryQueue,
  initialQueryQueue,
  projectQueryQueue,
} from '../../../events/projections/query-queue';
import { openSqliteEventStore } from '../../../events/store/sqlite-event-store';
import { campaignStory } from '../../unit/events/event-fixtures';
import { waitUntil } from './wait-until';

const folder = mkdtempSync(join(tmpdir(), 'projection-rebuild-'));
const file = join(folder, 'events.db');

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Appends a story as activities do: a few events at a time, each at the version it read. */
async function appendInSteps(store: ReturnType<typeof openSqliteEventStore>, story: NewEvent[]) {
  const streamId = `campaign-${story[0]?.data.campaignId}`;
  let lastPosition = 0;
  for (let start = 0; start < story.length; start += 3) {
    const expectedVersion = await store.streamVersion(streamId);
    const batch = story.slice(start, start + 3);
    ({ lastPosition } = await store.append(streamId, batch, { expectedVersion }));
  }
  return lastPosition;
}

describe('projections rebuilt from the store', () => {
  it('equal the projections folded live through a subscription on another connection', async () => {
    const worker = openSqliteEventStore(file);
    const web = openSqliteEventStore(file);
    let live = {
      campaigns: initialCampaignStatus,
      queries: initialQueryQueue,
      audit: initialAuditTrail,
      checkpoint: 0,
    };
    const subscription = web.subscribe(0, (event: RecordedEvent) => {
      live = {
        campaigns: evolveCampaignStatus(live.campaigns, event),
        queries: evolveQueryQueue(live.queries, event),
        audit: evolveAuditTrail(live.audit, event),
        checkpoint: event.metadata.position,
      };
    });

    await appendInSteps(worker, campaignStory('north'));
    const last = await appendInSteps(worker, campaignStory('south'));
    await waitUntil(() => live.checkpoint === last, `the live fold to reach position ${last}`);
    await subscription.close();
    await web.close();

    const auditor = openSqliteEventStore(file);
    const all = await auditor.readAll();
    const north = await auditor.readStream('campaign-north');
    await auditor.close();
    await worker.close();

    expect(live.campaigns).toEqual(projectCampaignStatus(all));
    expect(live.queries).toEqual(projectQueryQueue(all));
    expect(live.audit).toEqual(projectAuditTrail(all));
    expect(auditTrailOf(live.audit, 'north')).toEqual(
      auditTrailOf(projectAuditTrail(north), 'north'),
    );
    expect(Object.keys(live.campaigns.campaigns)).toEqual(['north', 'south']);
    expect(live.campaigns.campaigns.south?.status).toBe('completed');
    expect(Object.keys(live.queries.queries)).toHaveLength(4);
    expect(auditTrailOf(live.audit, 'south')).toHaveLength(campaignStory('south').length);
  });
});
