import { createHash } from 'node:crypto';
import type { EventData, EventType, NewEvent, RecordedEvent } from '../../../events/catalog';

/** A NewEvent of one type, so a fixture keeps its data type. */
export type NewEventOf<T extends EventType> = Extract<NewEvent, { type: T }>;

/** A valid sha256 hex digest derived from a seed, so hashes in expectations are readable. */
export const hashOf = (seed: string) => createHash('sha256').update(seed).digest('hex');

function event<T extends EventType>(type: T, eventId: string, data: EventData<T>): NewEventOf<T> {
  return { type, eventId, data } as NewEventOf<T>;
}

/** Builders of valid events for one campaign; ids derive from the facts, as activities do. */
export function campaignFacts(campaignId: string) {
  return {
    started: (overrides: Partial<EventData<'CampaignStarted'>> = {}) =>
      event('CampaignStarted', `${campaignId}/started`, {
        campaignId,
        name: `Digits ${campaignId}`,
        labels: ['0', '1', '7'],
        rounds: 2,
        experts: ['alice', 'bob', 'carol'],
        owner: 'olga',
        ...overrides,
      }),
    datasetRegistered: () =>
      event('DatasetRegistered', `${campaignId}/dataset`, {
        campaignId,
        source: { kind: 'mnist', count: 2000, offset: 0 },
        imageCount: 2000,
        imagesHash: hashOf('images'),
      }),
    paused: (reason: string) =>
      event('CampaignPaused', `${campaignId}/paused/${reason}`, { campaignId, reason }),
    resumed: (tag: string) =>
      event('CampaignResumed', `${campaignId}/resumed/${tag}`, { campaignId }),
    completed: (rounds: number) =>
      event('CampaignCompleted', `${campaignId}/completed`, { campaignId, rounds }),
    roundStarted: (round: number) =>
      event('RoundStarted', `${campaignId}/${round}/started`, { campaignId, round }),
    modelTrained: (round: number, overrides: Partial<EventData<'ModelTrained'>> = {}) =>
      event('ModelTrained', `${campaignId}/${round}/trained`, {
        campaignId,
        round,
        backend: 'wasm',
        epochs: 5,
        finalLoss: 0.0213,
        samplesPerSecond: 850,
        durationMs: 11_765,
        weightsHash: hashOf(`weights ${round}`),
        ...overrides,
      }),
    clustersAssigned: (round: number, accuracy: number, nmi?: number) =>
      event('ClustersAssigned', `${campaignId}/${round}/clusters`, {
        campaignId,
        round,
        clusters: 3,
        method: 'umap+kmeans',
        accuracy,
        embeddingKMeansAccuracy: 0.7,
        pixelAccuracy: 0.6,
        ...(nmi === undefined ? {} : { nmi }),
        embeddingHash: hashOf(`embedding ${round}`),
        clusteringHash: hashOf(`clustering ${round}`),
      }),
    uncertaintyScored: (round: number) =>
      event('UncertaintyScored', `${campaignId}/${round}/uncertainty`, {
        campaignId,
        round,
        meanEntropy: 0.4231,
        confident: 1500,
        unsure: 400,
        uncertain: 100,
        mostUncertain: [42, 7],
      }),
    queryIssued: (
      round: number,
      queryId: string,
      overrides: Partial<EventData<'QueryIssued'>> = {},
    ) =>
      event('QueryIssued', `${queryId}/QueryIssued`, {
        campaignId,
        round,
        queryId,
        imageId: 42,
        options: ['0', '1', '7'],
        experts: ['alice', 'bob'],
        quorum: 2,
        deadline: '2030-01-01T12:00:00Z',
        ...overrides,
      }),
    answerRecorded: (queryId: string, expertId: string, answer: string) =>
      event('AnswerRecorded', `${queryId}/answer/${expertId}`, {
        campaignId,
        queryId,
        expertId,
        answer,
      }),
    queryReminded: (queryId: string, expertIds: string[]) =>
      event('QueryReminded', `${queryId}/QueryReminded`, {
        campaignId,
        queryId,
        expertIds,
        at: '2030-01-01T10:00:00.000Z',
      }),
    /** A handover to `toExpertId`, or a drop with the quorum lowered when it is null. */
    queryReassigned: (
      queryId: string,
      fromExpertId: string,
      toExpertId: string | null,
      { quorum = 2, reason = 'on leave', sequence = 1 } = {},
    ) =>
      event('QueryReassigned', `${queryId}/QueryReassigned/${sequence}`, {
        campaignId,
        queryId,
        fromExpertId,
        toExpertId,
        quorum,
        reason,
      }),
    queryExpired: (queryId: string, answers: number) =>
      event('QueryExpired', `${queryId}/QueryExpired`, { campaignId, queryId, answers }),
    voteDecided: (queryId: string, label: string | null, tally: Record<string, number>) =>
      event('VoteDecided', `${queryId}/VoteDecided`, {
        campaignId,
        queryId,
        imageId: 42,
        label,
        tally,
      }),
    collisionDetected: (round: number, pairId: string, labelIds: [string, string]) =>
      event('CollisionDetected', `${pairId}/CollisionDetected`, {
        campaignId,
        round,
        pairId,
        kind: 'labels-collide',
        groups: [
          { labelId: labelIds[0], pointIds: [1, 2] },
          { labelId: labelIds[1], pointIds: [3] },
        ],
      }),
    pairDecided: (round: number, pairId: string, voteQueryIds: string[]) =>
      event('PairDecided', `${pairId}/PairDecided`, {
        campaignId,
        round,
        pairId,
        decision: 'same',
        voteQueryIds,
      }),
    labelCreated: (
      labelId: string,
      name: string,
      parentId: string | null = null,
      why: { reason?: string; voteQueryIds?: string[] } = {},
    ) =>
      event('LabelCreated', `${campaignId}/label/${labelId}`, {
        campaignId,
        labelId,
        name,
        parentId,
        ...why,
      }),
    /** Under a new parent when it is given a name, under an existing label otherwise. */
    labelsMerged: (
      labelIds: [string, string],
      parentId: string,
      newParentName?: string,
      why: { reason?: string; voteQueryIds?: string[] } = {},
    ) =>
      event('LabelsMerged', `${campaignId}/merged/${labelIds.join('+')}/${parentId}`, {
        campaignId,
        labelIds,
        parentId,
        ...(newParentName === undefined
          ? { newParent: false }
          : { newParent: true, name: newParentName }),
        ...why,
      }),
    labelSplit: (
      labelId: string,
      children: { labelId: string; name: string; pointIds: number[] }[],
      why: { reason?: string; voteQueryIds?: string[] } = {},
    ) =>
      event('LabelSplit', `${campaignId}/split/${labelId}`, {
        campaignId,
        labelId,
        children,
        ...why,
      }),
    labelRenamed: (labelId: string, name: string) =>
      event('LabelRenamed', `${campaignId}/renamed/${labelId}/${name}`, {
        campaignId,
        labelId,
        name,
      }),
    labelMoved: (labelId: string, newParentId: string | null) =>
      event('LabelMoved', `${campaignId}/moved/${labelId}/${newParentId ?? 'top'}`, {
        campaignId,
        labelId,
        newParentId,
      }),
    /** By the expert when one is named, by a vote otherwise. */
    pointsRelabelled: (pointIds: number[], toLabelId: string, expertId?: string, reason = '') =>
      event('PointsRelabelled', `${campaignId}/relabelled/${toLabelId}/${pointIds.join(',')}`, {
        campaignId,
        pointIds,
        toLabelId,
        reason,
        ...(expertId === undefined ? { by: 'vote' } : { by: 'expert', expertId }),
      }),
    roundCompleted: (round: number, accuracy: number) =>
      event('RoundCompleted', `${campaignId}/${round}/completed`, {
        campaignId,
        round,
        accuracy,
        answered: 1,
        expired: 1,
        labelled: 1,
      }),
  };
}

/** recordedAt of the n-th fixture event (0-based): one minute apart from a fixed start. */
export const recordedAtOf = (index: number) =>
  new Date(Date.UTC(2030, 0, 1, 9, index)).toISOString();

/**
 * Gives events the metadata a store would, without a store: one stream per campaign,
 * positions in array order. For pure projection tests.
 */
export function asRecorded(events: readonly NewEvent[]): RecordedEvent[] {
  const versions = new Map<string, number>();
  return events.map((proposed, index) => {
    const streamId = `campaign-${proposed.data.campaignId}`;
    const version = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, version);
    const { type, data, eventId, causation } = proposed;
    const metadata = {
      eventId,
      streamId,
      version,
      position: index + 1,
      recordedAt: recordedAtOf(index),
      ...(causation ? { causation } : {}),
    };
    return { type, data, metadata } as RecordedEvent;
  });
}

/** A full campaign story touching every event type, in the order a campaign produces them. */
export function campaignStory(campaignId: string): NewEvent[] {
  const facts = campaignFacts(campaignId);
  return [
    facts.started(),
    facts.datasetRegistered(),
    facts.roundStarted(1),
    facts.modelTrained(1),
    facts.clustersAssigned(1, 0.81, 0.72),
    facts.uncertaintyScored(1),
    facts.queryIssued(1, `${campaignId}-q1`),
    facts.queryIssued(1, `${campaignId}-q2`, { imageId: 7 }),
    facts.answerRecorded(`${campaignId}-q1`, 'alice', '7'),
    facts.paused('holiday'),
    facts.resumed('after-holiday'),
    facts.answerRecorded(`${campaignId}-q1`, 'bob', '7'),
    facts.voteDecided(`${campaignId}-q1`, '7', { '7': 2 }),
    facts.queryExpired(`${campaignId}-q2`, 0),
    facts.voteDecided(`${campaignId}-q2`, null, {}),
    facts.roundCompleted(1, 0.83),
    facts.completed(1),
  ];
}
