import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectCampaignClient, type CampaignClient } from '../../../client/campaign-client';
import type { EventData, RecordedEvent, RecordedEventOf } from '../../../events/catalog';
import { IllegalStateError, NotFoundError } from '../../../events/errors';
import { openSqliteEventStore } from '../../../events/store/sqlite-event-store';
import type { EventStore } from '../../../events/store/event-store';
import { queryIdFor, type CampaignInput } from '../../../workflows/campaign-input';
import { startWorkerProcess, type WorkerProcess } from '../../support/worker-process';

// One round on 200 digits and one epoch, so training takes seconds. Four experts, panels of
// two: q1 and q3 go to ada and ben, q2 and q4 to cy and dee. The reminder comes 15 s into the
// wait and the deadline 30 s in: long enough for the steps before it, short for the suite.
const campaign: CampaignInput = {
  campaignId: 'panels',
  name: 'expert panels',
  owner: 'olga',
  labels: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  experts: ['ada', 'ben', 'cy', 'dee'],
  rounds: 1,
  dataset: { kind: 'mnist', count: 200, offset: 0 },
  model: { clusters: 10, epochs: 1, warmEpochs: 1, batchSize: 32, seed: 1 },
  queries: {
    perRound: 4,
    quorum: 2,
    panelSize: 2,
    reminderSeconds: 15,
    deadlineSeconds: 30,
  },
};
const [q1, q2, q3, q4] = [0, 1, 2, 3].map((index) => queryIdFor('panels', 1, index)) as [
  string,
  string,
  string,
  string,
];
const target = { campaignId: 'panels', round: 1 };

let folder: string;
let store: EventStore;
let client: CampaignClient;
let worker: WorkerProcess;

async function eventsOf<T extends RecordedEvent['type']>(type: T) {
  const events = await store.readStream('campaign-panels');
  return events.filter((event): event is RecordedEventOf<T> => event.type === type);
}
const dataOf = async <T extends RecordedEvent['type']>(type: T): Promise<EventData<T>[]> =>
  (await eventsOf(type)).map((event) => event.data as EventData<T>);
const refusalOf = (attempt: Promise<unknown>) => attempt.catch((error: unknown) => error);

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'query-panel-'));
  const env = {
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    EVENT_STORE: join(folder, 'events.sqlite'),
    ARTEFACTS: join(folder, 'artefacts'),
    TASK_QUEUE: 'query-panel',
  };
  store = openSqliteEventStore(env.EVENT_STORE);
  client = await connectCampaignClient({ address: env.TEMPORAL_ADDRESS, taskQueue: 'query-panel' });
  worker = startWorkerProcess(env);
});

afterAll(async () => {
  await worker?.stop();
  await client?.close();
  await store?.close();
  await rm(folder, { recursive: true, force: true });
});

describe('expert panels on the real Temporal server', () => {
  it('sends each query to its panel of two, in turn, with the quorum of two', async () => {
    await client.startCampaign(campaign);
    await expect
      .poll(async () => (await eventsOf('QueryIssued')).length, { timeout: 120_000, interval: 250 })
      .toBe(4);

    const panels = (await dataOf('QueryIssued')).map(({ queryId, experts, quorum }) => ({
      queryId,
      experts,
      quorum,
    }));
    expect(panels).toEqual([
      { queryId: q1, experts: ['ada', 'ben'], quorum: 2 },
      { queryId: q2, experts: ['cy', 'dee'], quorum: 2 },
      { queryId: q3, experts: ['ada', 'ben'], quorum: 2 },
      { queryId: q4, experts: ['cy', 'dee'], quorum: 2 },
    ]);
  });

  it('refuses an answer from an expert off the panel', async () => {
    const refusal = await refusalOf(
      client.answerQuery(target, { queryId: q1, expertId: 'cy', answer: '3' }),
    );

    expect(refusal).toBeInstanceOf(IllegalStateError);
    expect(String(refusal)).toMatch(
      /expert cy is not on the panel of query .*q1 \(panel: ada, ben\)/,
    );
  });

  it('hands the unanswered queries of an unavailable expert to the least loaded others', async () => {
    await client.answerQuery(target, { queryId: q1, expertId: 'ada', answer: '3' });

    const availability = await client.markExpertUnavailable('panels', 'ben', 'on leave');

    expect(availability).toEqual({ unavailable: ['ben'] });
    await expect
      .poll(async () => (await eventsOf('QueryReassigned')).length, { timeout: 20_000 })
      .toBe(2);
    // cy and dee await two queries each: cy comes first in the pool, then dee has fewer.
    expect(await dataOf('QueryReassigned')).toEqual([
      {
        campaignId: 'panels',
        queryId: q1,
        fromExpertId: 'ben',
        toExpertId: 'cy',
        quorum: 2,
        reason: 'on leave',
      },
      {
        campaignId: 'panels',
        queryId: q3,
        fromExpertId: 'ben',
        toExpertId: 'dee',
        quorum: 2,
        reason: 'on leave',
      },
    ]);
  });

  it('refuses the unavailable expert with the reason and accepts the replacement', async () => {
    const refusal = await refusalOf(
      client.answerQuery(target, { queryId: q1, expertId: 'ben', answer: '3' }),
    );
    const accepted = await client.answerQuery(target, { queryId: q1, expertId: 'cy', answer: '3' });

    expect(refusal).toBeInstanceOf(IllegalStateError);
    expect(String(refusal)).toMatch(/ben was taken off the panel of query .*q1 \(on leave\)/);
    expect(accepted).toEqual({ answersSoFar: 2 });
    expect(
      (await dataOf('AnswerRecorded')).map(({ queryId, expertId }) => [queryId, expertId]),
    ).toEqual([
      [q1, 'ada'],
      [q1, 'cy'],
    ]);
  });

  it.each([
    [
      'an expert outside the pool',
      () => client.markExpertUnavailable('panels', 'mallory', 'x'),
      NotFoundError,
      /mallory is not in the expert pool/,
    ],
    [
      'a campaign that does not exist',
      () => client.markExpertAvailable('nope', 'ben'),
      NotFoundError,
      /no such running workflow/,
    ],
  ])('refuses to change the availability of %s', async (_, attempt, kind, message) => {
    const refusal = await refusalOf(attempt());

    expect(refusal).toBeInstanceOf(kind);
    expect(String(refusal)).toMatch(message);
  });

  it('brings the expert back for later queries', async () => {
    expect(await client.markExpertAvailable('panels', 'ben')).toEqual({ unavailable: [] });
  });

  it('reminds the panel experts who have not answered the queries still open', async () => {
    await expect
      .poll(async () => (await eventsOf('QueryReminded')).length, { timeout: 60_000 })
      .toBe(3);

    const reminded = (await dataOf('QueryReminded')).map(({ queryId, expertIds }) => ({
      queryId,
      expertIds,
    }));
    expect(reminded).toEqual([
      { queryId: q2, expertIds: ['cy', 'dee'] },
      { queryId: q3, expertIds: ['ada', 'dee'] },
      { queryId: q4, expertIds: ['cy', 'dee'] },
    ]);
  });

  it('expires the unanswered queries at the deadline and completes the round', async () => {
    expect(await client.resultOf('panels')).toHaveLength(1);

    expect(await dataOf('QueryExpired')).toEqual(
      [q2, q3, q4].map((queryId) => ({ campaignId: 'panels', queryId, answers: 0 })),
    );
    expect(await dataOf('RoundCompleted')).toEqual([
      expect.objectContaining({ round: 1, answered: 1, expired: 3 }),
    ]);
  });

  it('refuses availability changes once the campaign is completed', async () => {
    const refusal = await refusalOf(client.markExpertUnavailable('panels', 'ada', 'late'));

    expect(refusal).toBeInstanceOf(IllegalStateError);
    expect(String(refusal)).toMatch(/campaign panels is completed/);
  });
});
