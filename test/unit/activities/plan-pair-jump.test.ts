import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  openArtefactFolder,
  type ArtefactFolder,
} from '../../../activities/artefacts/artefact-folder';
import { loadMnistDigits } from '../../../activities/data/mnist';
import { centroidOf } from '../../../activities/labelling/nearest-rows';
import { createAutoencoderModel } from '../../../activities/model/autoencoder';
import { initModelBackend } from '../../../activities/model/backend';
import { loadTrainedModel } from '../../../activities/model/train';
import { disposeAutoencoder, serializeWeights } from '../../../activities/model/trained-model';
import { encodeClustering } from '../../../activities/round/clustering-artefact';
import { autoencoderConfigFor } from '../../../activities/round/model-config';
import { createPlanPairJump, type PlanPairJumpInput } from '../../../activities/round/pair-jumps';
import type { NewEvent } from '../../../events/catalog';
import type { EventStore } from '../../../events/store/event-store';
import { openSqliteEventStore } from '../../../events/store/sqlite-event-store';
import type { ModelSettings } from '../../../workflows/campaign-input';

// The activity on a real store and artefact folder, with an untrained model: what is checked
// is the glue (which answers start which path, what is stored, what a retry gives), not how
// good the samples look.
const campaignId = 'walk';
const dataset = { kind: 'mnist' as const, count: 200, offset: 0 };
const digits = loadMnistDigits(dataset);
const model: ModelSettings = { clusters: 4, epochs: 1, warmEpochs: 1, batchSize: 32, seed: 3 };
const pointsOf = (digit: number) =>
  Array.from(digits.labels.keys()).filter((point) => digits.labels[point] === digit);

let folder: string;
let store: EventStore;
let artefacts: ArtefactFolder;
let input: Omit<PlanPairJumpInput, 'jump' | 'queries'>;
let embedding: Float32Array;
const width = model.clusters;

const pairFound = (pairId: string, digits: [number, number]): NewEvent => ({
  type: 'CollisionDetected',
  eventId: `${pairId}/CollisionDetected`,
  data: {
    campaignId,
    round: 1,
    pairId,
    kind: 'labels-collide',
    groups: [
      { labelId: `label-${digits[0]}`, pointIds: pointsOf(digits[0]) },
      { labelId: `label-${digits[1]}`, pointIds: pointsOf(digits[1]) },
    ],
  },
});

const asked = (pairId: string, queryId: string, imageId: number): NewEvent => ({
  type: 'QueryIssued',
  eventId: `${queryId}/QueryIssued`,
  data: {
    campaignId,
    round: 1,
    queryId,
    imageId,
    options: ['4', '9', 'neither'],
    experts: ['ada', 'ben'],
    quorum: 2,
    deadline: '2099-01-01T00:00:00.000Z',
    question: {
      kind: 'pair',
      pairId,
      position: 0.5,
      sampleHash: queryId.length.toString(16).padStart(64, '0'),
      groups: [
        { option: '4', labelId: 'label-4', exemplarIds: [1] },
        { option: '9', labelId: 'label-9', exemplarIds: [2] },
      ],
    },
  },
});

const answered = (queryId: string, expertId: string, answer: string): NewEvent => ({
  type: 'AnswerRecorded',
  eventId: `${queryId}/answer/${expertId}`,
  data: { campaignId, queryId, expertId, answer },
});

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'plan-pair-jump-'));
  store = openSqliteEventStore(join(folder, 'events.sqlite'));
  artefacts = openArtefactFolder(join(folder, 'artefacts'));
  await initModelBackend();

  const untrained = createAutoencoderModel(autoencoderConfigFor(model));
  const weights = serializeWeights(untrained);
  disposeAutoencoder(untrained);
  const loaded = loadTrainedModel(autoencoderConfigFor(model), weights);
  embedding = loaded.embed(digits.images, digits.count);
  loaded.dispose();

  // A 1-D layout by true digit, clustered into four bands: enough for cluster entropy.
  const layout = Float32Array.from(digits.labels, (digit) => digit);
  const embeddingHash = await artefacts.put(new Uint8Array(layout.buffer));
  const clusteringHash = await artefacts.put(
    encodeClustering({ embeddingHash, width: 1, k: 4, centroids: [1, 4, 6, 8] }),
  );
  input = {
    campaignId,
    round: 1,
    dataset,
    model,
    weightsHash: await artefacts.put(weights),
    classes: 0,
    clusteringHash,
  };

  // Pair p1: the middle sample was answered 9 twice, the last once of two: p1.s2 leads on.
  // Pair p2: nobody answered 9, so its walk ends.
  const [a, b, c] = pointsOf(4);
  await store.append(
    'campaign-walk',
    [
      pairFound('walk.r1.p1', [4, 9]),
      pairFound('walk.r1.p2', [3, 5]),
      asked('walk.r1.p1', 'walk.r1.p1.s1', a!),
      asked('walk.r1.p1', 'walk.r1.p1.s2', b!),
      asked('walk.r1.p1', 'walk.r1.p1.s3', c!),
      asked('walk.r1.p2', 'walk.r1.p2.s4', a!),
      answered('walk.r1.p1.s1', 'ada', '4'),
      answered('walk.r1.p1.s2', 'ada', '9'),
      answered('walk.r1.p1.s2', 'ben', '9'),
      answered('walk.r1.p1.s3', 'ada', '9'),
      answered('walk.r1.p1.s3', 'ben', 'neither'),
      answered('walk.r1.p2.s4', 'ada', '4'),
    ],
    { expectedVersion: 'any' },
  );
});

afterAll(async () => {
  await store?.close();
  await rm(folder, { recursive: true, force: true });
});

const planPairJump = () => createPlanPairJump({ store, artefacts });

describe.each(['adaptive', 'uncertainty'] as const)('planPairJump, %s', (pairSampling) => {
  const queries = { perRound: 3, quorum: 2, deadlineSeconds: 60, pairJumps: 3, pairSampling };

  it('goes on from the sample answered closest to B, for pairs pointed towards B', async () => {
    const { pairs } = await planPairJump()({ ...input, jump: 1, queries });

    expect(pairs.map((question) => [question.pairId, question.fromQueryId])).toEqual([
      ['walk.r1.p1', 'walk.r1.p1.s2'],
      ['walk.r1.p1', 'walk.r1.p1.s2'],
      ['walk.r1.p1', 'walk.r1.p1.s2'],
    ]);
    const [a, b] = [pointsOf(4), pointsOf(9)].map((group) => centroidOf(embedding, width, group));
    const distance = Math.hypot(...Array.from(a!, (value, d) => value - b![d]!));
    for (const question of pairs) {
      expect(question.jump).toBe(1);
      expect(question.epsilon! / (0.25 * distance)).toBeCloseTo(1, 5);
      expect(question.position).toBeGreaterThanOrEqual(0);
      expect(question.position).toBeLessThanOrEqual(1);
      expect(question.options).toEqual(['4', '9', 'neither']);
      expect(question.groups.map((group) => group.option)).toEqual(['4', '9']);
      const pixels = await artefacts.get(question.sampleHash);
      expect(pixels.byteLength).toBe(28 * 28 * 4);
    }
    expect(new Set(pairs.map((question) => question.sampleHash)).size).toBe(3);
  });

  it('plans the same samples when retried', async () => {
    const first = await planPairJump()({ ...input, jump: 1, queries });
    const again = await planPairJump()({ ...input, jump: 1, queries });
    expect(again).toEqual(first);
  });

  it('ends every walk when the jump before asked nothing', async () => {
    expect(await planPairJump()({ ...input, jump: 2, queries })).toEqual({ pairs: [] });
  });
});

it('draws other samples by uncertainty than adaptively', async () => {
  const plan = (pairSampling: 'adaptive' | 'uncertainty') =>
    planPairJump()({
      ...input,
      jump: 1,
      queries: { perRound: 3, quorum: 2, deadlineSeconds: 60, pairSampling },
    });
  const [adaptive, uncertain] = [await plan('adaptive'), await plan('uncertainty')];
  expect(uncertain.pairs.map((q) => q.sampleHash)).not.toEqual(
    adaptive.pairs.map((q) => q.sampleHash),
  );
});
