import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectCampaignClient, type CampaignClient } from '../../../client/campaign-client';
import { startScriptedExpert } from '../../../client/scripted-expert';
import type { RecordedEvent } from '../../../events/catalog';
import { IllegalStateError, NotFoundError, ValidationError } from '../../../events/errors';
import { openSqliteEventStore } from '../../../events/store/sqlite-event-store';
import type { EventStore } from '../../../events/store/event-store';
import { recommendedRound } from '../../../activities/model/recommended-round';
import type { CampaignInput } from '../../../workflows/campaign-input';
import {
  startPrivateTemporalServer,
  type PrivateTemporalServer,
} from '../../support/temporal-private-server';
import { startWorkerProcess, type WorkerProcess } from '../../support/worker-process';

// One real round on 2,000 real digits, shared by the steps below because training is the
// expensive part: a worker is killed mid-training, the Temporal server is restarted while
// the queries wait, and the round must still finish with every fact recorded exactly once.
const campaign: CampaignInput = {
  campaignId: 'durable',
  name: 'durable round',
  owner: 'owner-1',
  labels: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  experts: ['expert-a', 'expert-b'],
  rounds: 1,
  dataset: { kind: 'mnist', count: 2000, offset: 0 },
  model: { clusters: 10, epochs: recommendedRound.epochs, warmEpochs: 10, batchSize: 32, seed: 1 },
  queries: { perRound: 6, quorum: 2, deadlineSeconds: 3600 },
  heartbeatSeconds: 10,
};

let folder: string;
let temporal: PrivateTemporalServer;
let store: EventStore;
let client: CampaignClient;
let env: Record<string, string>;
const workers: WorkerProcess[] = [];
let accuracies: number[];

const eventsOf = async () => store.readStream('campaign-durable');
const countOf = (events: RecordedEvent[], type: string) =>
  events.filter((event) => event.type === type).length;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'durable-round-'));
  temporal = await startPrivateTemporalServer();
  env = {
    TEMPORAL_ADDRESS: temporal.server.address,
    EVENT_STORE: join(folder, 'events.sqlite'),
    ARTEFACTS: join(folder, 'artefacts'),
    TASK_QUEUE: 'durable-round',
  };
  store = openSqliteEventStore(env.EVENT_STORE!);
  client = await connectCampaignClient({
    address: env.TEMPORAL_ADDRESS!,
    taskQueue: 'durable-round',
  });
});

afterAll(async () => {
  for (const worker of workers) await worker.stop();
  await client?.close();
  await store?.close();
  await temporal?.dispose();
  await rm(folder, { recursive: true, force: true });
});

describe('a labelling round on the real Temporal server', () => {
  it(
    'survives its worker being killed mid-training, resuming from the last epoch',
    async () => {
      workers.push(startWorkerProcess(env));
      await client.startCampaign(campaign);
      await workers[0]!.waitForLine(/"message":"epoch done".*"epoch":2\b/);
      await workers[0]!.kill();

      workers.push(startWorkerProcess(env));
      const resumed = await workers[1]!.waitForLine(/training resumes from checkpoint/);
      expect(JSON.parse(resumed).nextEpoch).toBeGreaterThanOrEqual(2);

      await workers[1]!.waitForLine(/"message":"clusters assigned"/);
      await expect
        .poll(async () => countOf(await eventsOf(), 'QueryIssued'), {
          timeout: 120_000,
          interval: 250,
        })
        .toBe(6);
      expect(countOf(await eventsOf(), 'ModelTrained')).toBe(1);
    },
    30 * 60_000,
  ); // 50 epochs on one core, slower still when the other core is busy

  it('refuses answers to unknown queries, second votes and options that do not exist', async () => {
    const events = await eventsOf();
    const first = events.find((event) => event.type === 'QueryIssued');
    if (first?.type !== 'QueryIssued') throw new Error('no query issued');
    const target = { campaignId: 'durable', round: 1 };
    const { queryId } = first.data;

    await client.answerQuery(target, { queryId, expertId: 'expert-a', answer: '3' });
    // Each attempt starts only when awaited, so no refusal goes unhandled in the meantime.
    const refusals: [string, () => Promise<unknown>, unknown, RegExp][] = [
      [
        'unknown query',
        () => client.answerQuery(target, { queryId: 'nope', expertId: 'expert-a', answer: '3' }),
        NotFoundError,
        /query nope does not exist/,
      ],
      [
        'second vote',
        () => client.answerQuery(target, { queryId, expertId: 'expert-a', answer: '4' }),
        IllegalStateError,
        /expert-a already answered/,
      ],
      [
        'unknown option',
        () => client.answerQuery(target, { queryId, expertId: 'expert-b', answer: 'seven' }),
        ValidationError,
        /not an option/,
      ],
      [
        'unknown expert',
        () => client.answerQuery(target, { queryId, expertId: 'mallory', answer: '3' }),
        IllegalStateError,
        /not on the panel/,
      ],
    ];
    for (const [, attempt, kind, message] of refusals) {
      const refusal = await attempt().catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(kind);
      expect(String(refusal)).toMatch(message);
    }

    const answers = (await eventsOf()).filter((event) => event.type === 'AnswerRecorded');
    expect(answers.map((event) => event.data)).toEqual([
      { campaignId: 'durable', queryId, expertId: 'expert-a', answer: '3' },
    ]);
  });

  it('resumes the waiting round after the Temporal server restarts', async () => {
    await temporal.restart();

    const experts = ['expert-a', 'expert-b'].map((expertId) =>
      startScriptedExpert({ store, client, expertId, noise: 0 }),
    );
    accuracies = await client.resultOf('durable');
    for (const expert of experts) await expert.close();

    expect(accuracies).toHaveLength(1);
    expect(countOf(await eventsOf(), 'RoundCompleted')).toBe(1);
  });

  it('clusters the autoencoder embedding to at least 0.75 accuracy, above raw pixels', async () => {
    const clustered = (await eventsOf()).find((event) => event.type === 'ClustersAssigned');
    if (clustered?.type !== 'ClustersAssigned') throw new Error('no clustering recorded');
    console.info(
      `accuracy: ${clustered.data.method} ${clustered.data.accuracy.toFixed(3)}, k-means on ` +
        `the embedding ${clustered.data.embeddingKMeansAccuracy.toFixed(3)}, k-means on raw ` +
        `pixels ${clustered.data.pixelAccuracy.toFixed(3)}`,
    );

    expect(clustered.data.accuracy).toBeGreaterThanOrEqual(0.75);
    expect(clustered.data.accuracy).toBeGreaterThan(clustered.data.pixelAccuracy);
    expect(accuracies[0]).toBe(clustered.data.accuracy);
  });

  it('records each fact exactly once, in the order the round took them', async () => {
    const events = await eventsOf();
    const ids = events.map((event) => event.metadata.eventId);
    expect(new Set(ids).size).toBe(ids.length);

    const lifecycle = events
      .map((event) => event.type)
      .filter(
        (type) =>
          !['QueryIssued', 'AnswerRecorded', 'VoteDecided', 'LabelCreated'].includes(type) &&
          type !== 'PointsRelabelled',
      );
    expect(lifecycle).toEqual([
      'CampaignStarted',
      'DatasetRegistered',
      'RoundStarted',
      'ModelTrained',
      'ClustersAssigned',
      'UncertaintyScored',
      'RoundCompleted',
      'CampaignCompleted',
    ]);
    expect(countOf(events, 'QueryIssued')).toBe(6);
    expect(countOf(events, 'AnswerRecorded')).toBe(12);
    expect(countOf(events, 'VoteDecided')).toBe(6);
    // The tree is seeded with the ten digits; each decided vote labels its image there.
    expect(countOf(events, 'LabelCreated')).toBe(10);
    const decided = events.filter((e) => e.type === 'VoteDecided' && e.data.label !== null);
    expect(countOf(events, 'PointsRelabelled')).toBe(decided.length);

    // The first query got a wrong '3' from expert-a and the truth from expert-b: a tie, so
    // the rule decides nothing unless the truth is 3.
    const completed = events.find((event) => event.type === 'RoundCompleted');
    expect(completed?.data).toMatchObject({ answered: 6, expired: 0 });
  });

  it('refuses an answer once the round is over', async () => {
    const query = (await eventsOf()).find((event) => event.type === 'QueryIssued');
    if (query?.type !== 'QueryIssued') throw new Error('no query issued');
    const attempt = client.answerQuery(
      { campaignId: 'durable', round: 1 },
      { queryId: query.data.queryId, expertId: 'expert-b', answer: '1' },
    );
    await expect(attempt).rejects.toBeInstanceOf(IllegalStateError);
    await expect(attempt).rejects.toThrow(/round 1 of campaign durable is completed/);
  });
});
