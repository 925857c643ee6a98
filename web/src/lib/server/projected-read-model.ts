import type { RecordedEvent } from '../../../../events/catalog';
import {
  auditTrailOf,
  evolveAuditTrail,
  initialAuditTrail,
  type AuditEntry,
} from '../../../../events/projections/audit-trail';
import {
  evolveCampaignStatus,
  initialCampaignStatus,
} from '../../../../events/projections/campaign-status';
import {
  canAnswer,
  evolveQueryQueue,
  initialQueryQueue,
  openQueriesFor,
} from '../../../../events/projections/query-queue';
import { createLabellingProjection } from './labelling/labelling-projection';
import type { AuditPage, ReadModel } from './read-model';
import { toAuditEntryView, toCampaignView, toOpenQueryView } from './read-model-views';

/** A read model that is fed events in store order. */
export interface ProjectedReadModel extends ReadModel {
  apply(event: RecordedEvent): void;
}

// The audit projection copies a campaign's whole trail on every append, which grows
// quadratically with a long campaign; here each event's entry is made by the same fold, from
// the empty trail, and appended in place.
function auditEntryOf(event: RecordedEvent): AuditEntry | undefined {
  return auditTrailOf(evolveAuditTrail(initialAuditTrail, event), event.data.campaignId)[0];
}

/** The index of the first entry after a position, by bisection: entries are in store order. */
function firstAfter(entries: readonly AuditEntry[], position: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (entries[middle]!.position <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Folds events with the campaign-status, query-queue, audit-trail and label-tree projections.
 */
export function createProjectedReadModel(): ProjectedReadModel {
  let campaigns = initialCampaignStatus;
  let queue = initialQueryQueue;
  const trails = new Map<string, AuditEntry[]>();
  const labelling = createLabellingProjection();
  let position = 0;

  return {
    apply(event) {
      // First, as the only fold that refuses an event: a refused event changes nothing, so a
      // restarted subscription does not apply the rest twice.
      labelling.apply(event);
      campaigns = evolveCampaignStatus(campaigns, event);
      queue = evolveQueryQueue(queue, event);
      const entry = auditEntryOf(event);
      if (entry) {
        const trail = trails.get(event.data.campaignId) ?? [];
        trail.push(entry);
        trails.set(event.data.campaignId, trail);
      }
      position = event.metadata.position;
    },
    position: () => position,
    campaigns: () => Object.values(campaigns.campaigns).map(toCampaignView),
    campaign(campaignId) {
      const campaign = campaigns.campaigns[campaignId];
      return campaign ? toCampaignView(campaign) : undefined;
    },
    openQueries: (expertId) =>
      openQueriesFor(queue, expertId).map((query) =>
        toOpenQueryView(query, labelling.questionOf(query.queryId)),
      ),
    roundOfQuery(queryId) {
      const query = queue.queries[queryId];
      return query ? { campaignId: query.campaignId, round: query.round } : undefined;
    },
    auditEvents(campaignId, { afterPosition, limit }: AuditPage) {
      const trail = trails.get(campaignId) ?? [];
      const start = firstAfter(trail, afterPosition);
      return trail.slice(start, start + limit).map(toAuditEntryView);
    },
    dataset(campaignId) {
      const dataset = campaigns.campaigns[campaignId]?.dataset;
      if (!dataset) return undefined;
      const { kind, count, offset } = dataset.source;
      return { kind, count, offset };
    },
    refuseAnswer(proposed) {
      const check = canAnswer(queue, proposed);
      return check.ok ? null : { code: check.code, message: check.message };
    },
    labelTree(campaignId, atPosition) {
      if (!campaigns.campaigns[campaignId]) return undefined;
      return labelling.labelTree(campaignId, atPosition);
    },
    pointLabels: labelling.pointLabels,
    latestClustering: labelling.latestClustering,
  };
}
