import type { NewEvent, RecordedEvent } from '../../../events/catalog';
import { validateEvent } from '../../../events/catalog/validate';

/** The campaign the web tests look at, and the people in it. */
export const campaignId = 'mnist-demo';
export const experts = ['ada', 'ben'];
export const farDeadline = '2099-01-01T00:00:00.000Z';

const hash = (digit: string) => digit.repeat(64);

// Checked against the catalogue here, so a schema change shows up as a fixture error rather
// than as a puzzling failure in a page or API test.
const checked = (events: NewEvent[]) => events.map((event) => validateEvent(event));

/** A round that trained, clustered and was scored, with the accuracy the page must show. */
export function measuredRound(round: number, accuracy: number): NewEvent[] {
  const data = { campaignId, round };
  return checked([
    { type: 'RoundStarted', eventId: `r${round}/started`, data },
    {
      type: 'ModelTrained',
      eventId: `r${round}/trained`,
      data: {
        ...data,
        backend: 'wasm',
        epochs: 8,
        finalLoss: 0.04123,
        samplesPerSecond: 950,
        durationMs: 21_000,
        weightsHash: hash(String(round)),
      },
    },
    {
      type: 'ClustersAssigned',
      eventId: `r${round}/clusters`,
      data: {
        ...data,
        clusters: 10,
        method: 'umap+kmeans',
        accuracy,
        embeddingKMeansAccuracy: 0.6789,
        pixelAccuracy: 0.5432,
        embeddingHash: hash('c'),
        clusteringHash: hash('d'),
      },
    },
    {
      type: 'UncertaintyScored',
      eventId: `r${round}/uncertainty`,
      data: {
        ...data,
        meanEntropy: 0.7,
        confident: 1500,
        unsure: 350,
        uncertain: 150,
        mostUncertain: [17, 42, 99, 7],
      },
    },
  ]);
}

function query(queryId: string, imageId: number, options: string[], quorum: number): NewEvent {
  return {
    type: 'QueryIssued',
    eventId: `${queryId}/issued`,
    data: {
      campaignId,
      round: 1,
      queryId,
      imageId,
      options,
      experts,
      quorum,
      deadline: farDeadline,
    },
  };
}

function answer(queryId: string, expertId: string, given: string): NewEvent {
  return {
    type: 'AnswerRecorded',
    eventId: `${queryId}/answer/${expertId}`,
    causation: { actor: expertId },
    data: { campaignId, queryId, expertId, answer: given },
  };
}

/**
 * A campaign in its first round with four queries: q1 open, q2 open and already answered by
 * ben, q3 expired, q4 closed (its quorum of one reached).
 */
export function campaignInFirstRound(): NewEvent[] {
  return checked([
    {
      type: 'CampaignStarted',
      eventId: 'campaign/started',
      data: {
        campaignId,
        name: 'MNIST digits',
        labels: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
        rounds: 3,
        experts,
        owner: 'olga',
      },
    },
    {
      type: 'DatasetRegistered',
      eventId: 'campaign/dataset',
      data: {
        campaignId,
        source: { kind: 'mnist', count: 2000, offset: 0 },
        imageCount: 2000,
        imagesHash: hash('a'),
      },
    },
    ...measuredRound(1, 0.8123),
    query('q1', 17, ['3', '5'], 2),
    query('q2', 42, ['4', '9'], 2),
    query('q3', 99, ['7', '1'], 2),
    query('q4', 7, ['0', '6'], 1),
    answer('q2', 'ben', '9'),
    {
      type: 'QueryExpired',
      eventId: 'q3/expired',
      data: { campaignId, queryId: 'q3', answers: 0 },
    },
    answer('q4', 'ada', '6'),
  ]);
}

/** The completion of a round, as the round workflow's last activity appends it. */
export function roundCompleted(round: number, accuracy: number): NewEvent {
  return validateEvent({
    type: 'RoundCompleted',
    eventId: `r${round}/completed`,
    data: { campaignId, round, accuracy, answered: 2, expired: 1, labelled: 3 },
  });
}

/** Events as a store would record them in one campaign stream, from store position 1 on. */
export function recorded(events: NewEvent[], firstPosition = 1): RecordedEvent[] {
  return events.map((event, index) => {
    const position = firstPosition + index;
    const { eventId, causation, ...rest } = event;
    const metadata = {
      eventId,
      streamId: `campaign-${campaignId}`,
      version: position,
      position,
      recordedAt: new Date(Date.UTC(2025, 0, 1, 9, 0, position)).toISOString(),
      ...(causation ? { causation } : {}),
    };
    return { ...rest, metadata } as RecordedEvent;
  });
}

/** The label id the campaign seeds for its n-th label (1-based), named after it. */
export const labelId = (n: number) => `label-${n}`;

/**
 * The first-round campaign with its label tree: the ten digits as labels, points 17 and 42
 * labelled "3", point 99 "5", then "3" and "5" merged under a new parent "3 or 5".
 */
export function labelledCampaign(): NewEvent[] {
  const digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
  const relabel = (eventId: string, pointIds: number[], toLabelId: string): NewEvent => ({
    type: 'PointsRelabelled',
    eventId,
    causation: { actor: 'ada' },
    data: {
      campaignId,
      pointIds,
      toLabelId,
      reason: 'looks like it',
      by: 'expert',
      expertId: 'ada',
    },
  });
  return checked([
    ...campaignInFirstRound(),
    ...digits.map((name, index): NewEvent => ({
      type: 'LabelCreated',
      eventId: `label/${index + 1}`,
      data: { campaignId, labelId: labelId(index + 1), name, parentId: null },
    })),
    relabel('relabel/1', [17, 42], labelId(4)),
    relabel('relabel/2', [99], labelId(6)),
    {
      type: 'LabelsMerged',
      eventId: 'merge/1',
      data: {
        campaignId,
        labelIds: [labelId(4), labelId(6)],
        parentId: 'label-11',
        newParent: true,
        name: '3 or 5',
      },
    },
  ]);
}
