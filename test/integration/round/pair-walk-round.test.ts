import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { openArtefactFolder } from '../../../activities/artefacts/artefact-folder';
import { loadMnistDigits } from '../../../activities/data/mnist';
import { centroidOf } from '../../../activities/labelling/nearest-rows';
import { decidePair, voteOfOption } from '../../../activities/labelling/pair-decision';
import { initModelBackend } from '../../../activities/model/backend';
import { loadTrainedModel } from '../../../activities/model/train';
import { autoencoderConfigFor } from '../../../activities/round/model-config';
import { epsilonSchedule } from '../../../activities/sampling/epsilon-schedule';
import { sampleClosestToLabel } from '../../../activities/sampling/next-path-start';
import { connectCampaignClient, type CampaignClient } from '../../../client/campaign-client';
import { startScriptedExpert } from '../../../client/scripted-expert';
import type { EventData, RecordedEvent, RecordedEventOf } from '../../../events/catalog';
import { openSqliteEventStore } from '../../../events/store/sqlite-event-store';
import type { EventStore, Subscription } from '../../../events/store/event-store';
import type { CampaignInput } from '../../../workflows/campaign-input';
import { fusedLabels, initialFusedLabels } from '../../../scripts/fused-labels/taxonomy';
import { startWorkerProcess, type WorkerProcess } from '../../support/worker-process';

// One short round on 600 digits with the fused starting taxonomy, run twice at once: each
// pair walks two jumps, adaptively in one campaign and by uncertainty (the entropy of the
// model's softmax head) in the other. The models have a head (labelWeight 1) in both: without
// it, this model's first-path samples were never answered B, so no walk went on. What is
// checked is that the second jump goes on from what the experts answered to the first.
const digits = loadMnistDigits({ count: 600 });
const experts = ['ada', 'ben', 'cy'];
const radius = { epsilon: 0.3, epsilonMin: 0.05, decay: 0.5 };
const campaignOf = (
  campaignId: string,
  pairSampling: 'adaptive' | 'uncertainty',
): CampaignInput => ({
  campaignId,
  name: `pair walk, ${pairSampling}`,
  owner: 'olga',
  labels: fusedLabels,
  initialLabels: initialFusedLabels(digits.labels, 0.5, 3),
  experts,
  rounds: 1,
  dataset: { kind: 'mnist', count: 600, offset: 0 },
  model: { clusters: 10, epochs: 4, warmEpochs: 2, batchSize: 32, seed: 2, labelWeight: 1 },
  queries: {
    perRound: 3,
    quorum: 3,
    deadlineSeconds: 600,
    pairsPerRound: 3,
    pairJumps: 2,
    pairSampling,
    pairRadius: radius,
  },
});
const campaigns = [
  campaignOf('walk-adaptive', 'adaptive'),
  campaignOf('walk-uncertainty', 'uncertainty'),
];

let folder: string;
let store: EventStore;
let client: CampaignClient;
let worker: WorkerProcess;
const streams = new Map<string, RecordedEvent[]>();
const subscriptions: Subscription[] = [];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pair-walk-round-'));
  const env = {
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    EVENT_STORE: join(folder, 'events.sqlite'),
    ARTEFACTS: join(folder, 'artefacts'),
    TASK_QUEUE: 'pair-walk-round',
  };
  store = openSqliteEventStore(env.EVENT_STORE);
  client = await connectCampaignClient({
    address: env.TEMPORAL_ADDRESS,
    taskQueue: env.TASK_QUEUE,
  });
  worker = startWorkerProcess(env);
  const artefacts = openArtefactFolder(env.ARTEFACTS);
  for (const expertId of experts) {
    subscriptions.push(startScriptedExpert({ store, client, expertId, artefacts }));
  }
  await Promise.all(campaigns.map((campaign) => client.startCampaign(campaign)));
  await Promise.all(campaigns.map((campaign) => client.resultOf(campaign.campaignId)));
  for (const { campaignId } of campaigns) {
    streams.set(campaignId, await store.readStream(`campaign-${campaignId}`));
  }
  await initModelBackend();
});

afterAll(async () => {
  for (const subscription of subscriptions) await subscription.close();
  await worker?.stop();
  await client?.close();
  await store?.close();
  await rm(folder, { recursive: true, force: true });
});

/** The events of one campaign, by type. */
const factsOf =
  (campaignId: string) =>
  <T extends RecordedEvent['type']>(type: T): EventData<T>[] =>
    streams
      .get(campaignId)!
      .filter((event): event is RecordedEventOf<T> => event.type === type)
      .map((event) => event.data as EventData<T>);

/** Each pair's queries of one jump, in issue order, and the answers to them. */
function jumpOf(ofType: ReturnType<typeof factsOf>, pairId: string, jump: number) {
  const asked = ofType('QueryIssued').filter(
    (query) => query.question?.pairId === pairId && (query.question.jump ?? 0) === jump,
  );
  const ids = new Set(asked.map((query) => query.queryId));
  const answers = ofType('AnswerRecorded').filter((answer) => ids.has(answer.queryId));
  return { asked, answers };
}

/** Centroid distance of a pair's groups in the round model's embedding. */
async function centroidDistances(campaign: CampaignInput, ofType: ReturnType<typeof factsOf>) {
  const trained = ofType('ModelTrained')[0]!;
  const artefacts = openArtefactFolder(join(folder, 'artefacts'));
  const model = loadTrainedModel(
    autoencoderConfigFor(campaign.model, trained.classes ?? 0),
    await artefacts.get(trained.weightsHash),
  );
  try {
    const embedding = model.embed(digits.images, digits.count);
    const width = model.config.embeddingSize;
    return new Map(
      ofType('CollisionDetected').map((pair) => {
        const [a, b] = pair.groups.map((group) => centroidOf(embedding, width, group.pointIds));
        return [pair.pairId, Math.hypot(...Array.from(a!, (value, d) => value - b![d]!))];
      }),
    );
  } finally {
    model.dispose();
  }
}

describe.each(campaigns)('pairs walking two jumps ($queries.pairSampling)', (campaign) => {
  const ofType = factsOf(campaign.campaignId);

  it('asks jump 1 of a pair exactly when some jump-0 sample was placed toward B', () => {
    const pairs = ofType('CollisionDetected');
    expect(pairs.length).toBeGreaterThanOrEqual(2);
    const walked = pairs.filter((pair) => {
      const first = jumpOf(ofType, pair.pairId, 0);
      const optionB = first.asked[0]!.question!.groups[1].option;
      const towardB = first.answers.some((answer) => answer.answer === optionB);
      const second = jumpOf(ofType, pair.pairId, 1).asked;
      expect(first.asked.map((query) => query.question!.position)).toEqual([0.25, 0.5, 0.75]);
      expect(second.length, pair.pairId).toBe(towardB ? 3 : 0);
      return towardB;
    });
    expect(walked.length).toBeGreaterThanOrEqual(1);
  });

  it('starts jump 1 at the sample the answers place closest to B, as stored samples', () => {
    const artefacts = openArtefactFolder(join(folder, 'artefacts'));
    for (const pair of ofType('CollisionDetected')) {
      const first = jumpOf(ofType, pair.pairId, 0);
      const second = jumpOf(ofType, pair.pairId, 1).asked;
      if (second.length === 0) continue;
      const sampleOf = new Map(first.asked.map((query, sample) => [query.queryId, sample]));
      const votes = first.answers.map(({ queryId, answer }) => ({
        sample: sampleOf.get(queryId)!,
        answer,
      }));
      const optionB = first.asked[0]!.question!.groups[1].option;
      const chosen = first.asked[sampleClosestToLabel(votes, optionB, first.asked.length)!]!;

      expect(second.map((query) => query.queryId)).toEqual(
        [1, 2, 3].map((n) => `${pair.pairId}.j1.s${n}`),
      );
      for (const query of second) {
        const question = query.question!;
        expect(question.fromQueryId).toBe(chosen.queryId);
        expect(question.jump).toBe(1);
        expect(question.position).toBeGreaterThanOrEqual(0);
        expect(question.position).toBeLessThanOrEqual(1);
        expect(question.groups).toEqual(first.asked[0]!.question!.groups);
        expect(query.options).toEqual(first.asked[0]!.options);
        expect(artefacts.has(question.sampleHash)).toBe(true);
      }
      expect(new Set(second.map((query) => query.question!.sampleHash)).size).toBe(3);
    }
  });

  it("samples jump 1 at the schedule's radius for the distance between the centroids", async () => {
    const distances = await centroidDistances(campaign, ofType);
    const jumped = ofType('QueryIssued').filter((query) => query.question?.jump === 1);
    expect(jumped.length).toBeGreaterThanOrEqual(3);
    for (const { question } of jumped) {
      const expected = epsilonSchedule(radius, 1)[0]! * distances.get(question!.pairId)!;
      expect(question!.epsilon! / expected).toBeCloseTo(1, 3);
    }
  });

  it('decides each pair by the rule from the votes of both jumps', () => {
    const winners = new Map(ofType('VoteDecided').map((vote) => [vote.queryId, vote.label]));
    const issued = new Map(ofType('QueryIssued').map((query) => [query.queryId, query]));
    for (const decided of ofType('PairDecided')) {
      const asked = [0, 1].flatMap((jump) => jumpOf(ofType, decided.pairId, jump).asked);
      expect([...decided.voteQueryIds].sort()).toEqual(asked.map((q) => q.queryId).sort());
      const votes = decided.voteQueryIds.map((queryId) => {
        const { question } = issued.get(queryId)!;
        const [a, b] = question!.groups;
        return {
          position: question!.position,
          vote: voteOfOption(winners.get(queryId) ?? null, [a.option, b.option]),
        };
      });
      expect(decided.decision).toBe(decidePair(votes));
    }
  });

  it('tells which uncertainty scored the candidates', () => {
    const jumped = worker.lines.filter(
      (line) => line.includes('pair walks jumped') && line.includes(campaign.campaignId),
    );
    expect(jumped.length).toBeGreaterThanOrEqual(1);
    for (const line of jumped) {
      if (campaign.queries.pairSampling === 'uncertainty') expect(line).toContain('head-entropy');
      else expect(line).not.toContain('entropy');
    }
  });
});
