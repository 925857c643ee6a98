import { createHash } from 'node:crypto';
import type { RecordedEvent } from '../../../../../events/catalog';
import {
  ConcurrencyError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
  type DomainError,
} from '../../../../../events/errors';
import { labelTreeOf, projectLabelTrees } from '../../../../../events/projections/label-tree';
import {
  refuseLabelChange,
  type LabelTreeRefusal,
} from '../../../../../events/rules/label-tree-rules';
import type { EventStore } from '../../../../../events/store/event-store';
import { shownInput } from '../../../../../events/rules/shown-input';

/** An expert's relabelling of points, e.g. those lassoed in the scatter plot. */
export interface RelabelPointsInput {
  campaignId: string;
  pointIds: number[];
  toLabelId: string;
  expertId: string;
  /** Why, for the audit trail. */
  reason: string;
}

/** What was appended. */
export interface RelabelReceipt {
  eventId: string;
  /** The campaign stream's version after the append. */
  version: number;
  relabelled: number;
}

export type RelabelPoints = (input: RelabelPointsInput) => Promise<RelabelReceipt>;

// The campaign activities name the stream so (activities/events/campaign-stream.ts); that
// module reads the Temporal activity context, which the web server has no use for.
const streamIdOf = (campaignId: string) => `campaign-${campaignId}`;

const errorOf: Record<LabelTreeRefusal['code'], new (message: string) => DomainError> = {
  NOT_FOUND: NotFoundError,
  ILLEGAL_STATE: IllegalStateError,
  VALIDATION: ValidationError,
};

/** As the event catalogue bounds a relabelling's reason. */
const maxReason = 500;

function refuseInput(events: RecordedEvent[], input: RelabelPointsInput): DomainError | null {
  const { campaignId, pointIds, expertId, reason } = input;
  const started = events.find((event) => event.type === 'CampaignStarted');
  if (started?.type !== 'CampaignStarted') {
    return new NotFoundError(`campaign ${shownInput(campaignId)} does not exist`);
  }
  const panel = started.data.experts;
  if (expertId.trim() === '') return new ValidationError('expert id is empty: say who relabels');
  if (!panel.includes(expertId)) {
    return new IllegalStateError(
      `expert ${shownInput(expertId)} is not on the panel of campaign ${campaignId} ` +
        `(panel: ${panel.join(', ')})`,
    );
  }
  if (pointIds.length === 0) {
    return new ValidationError('no points to relabel: select at least one point');
  }
  const negative = pointIds.filter((pointId) => !Number.isInteger(pointId) || pointId < 0);
  if (negative.length > 0) {
    return new ValidationError(
      `point ids must be integers >= 0, got ${negative.slice(0, 5).join(', ')}`,
    );
  }
  if (reason.trim() === '') {
    return new ValidationError('a relabelling needs a reason for the audit trail, got none');
  }
  if (reason.length > maxReason) {
    return new ValidationError(
      `the reason holds ${reason.length} characters; the audit trail keeps at most ${maxReason}`,
    );
  }
  return null;
}

/**
 * Appends an expert's relabelling to the campaign stream, checked by the label tree rules
 * against the stream as read, and appended only if nothing was written since: a concurrent
 * write refuses it as stale, so no change is decided on a tree that no longer exists.
 */
export function createRelabelPoints(store: EventStore): RelabelPoints {
  return async (input) => {
    const { campaignId, pointIds, toLabelId, expertId, reason } = input;
    const streamId = streamIdOf(campaignId);
    const events = await store.readStream(streamId);
    const version = events.at(-1)?.metadata.version ?? 0;

    const refused = refuseInput(events, input);
    if (refused) throw refused;
    const tree = labelTreeOf(projectLabelTrees(events), campaignId);
    const asked = { campaignId, pointIds, toLabelId, reason, by: 'expert' as const, expertId };
    const refusal = refuseLabelChange(tree, { type: 'PointsRelabelled', data: asked });
    if (refusal) throw new errorOf[refusal.code](refusal.message);
    // Points that already carry the label are left out, so the audit shows what changed.
    const changed = pointIds.filter((pointId) => tree.pointLabels[pointId] !== toLabelId);
    if (changed.length === 0) {
      throw new IllegalStateError(
        `all ${pointIds.length} points already carry label ${toLabelId}; nothing was written`,
      );
    }
    const data = { ...asked, pointIds: changed };

    // The id names the version it follows and the change: the same request sent twice (a
    // double click) is one fact, and two different changes on one version never share an id,
    // so the second is refused as stale rather than as a clash of ids.
    const digest = createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 16);
    const eventId = `${campaignId}/v${version + 1}/PointsRelabelled/${digest}`;
    try {
      const { nextVersion } = await store.append(
        streamId,
        [{ type: 'PointsRelabelled', eventId, causation: { actor: expertId }, data }],
        { expectedVersion: version },
      );
      return { eventId, version: nextVersion, relabelled: changed.length };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      throw new ConcurrencyError(
        `campaign ${campaignId} changed while the relabelling of ${changed.length} points ` +
          `to ${toLabelId} was checked (read at version ${version}); nothing was written: ` +
          'look at the label tree again and resend',
      );
    }
  };
}
