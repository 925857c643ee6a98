/**
 * Trains like a campaign's rounds, without Temporal or experts: a first round from scratch,
 * then warm rounds from the previous weights, scoring each as a round does (k-means on the
 * UMAP layout of the embedding) and as the paper does (k-means on the embedding). Shows
 * whether rounds drift, and which training settings stop it. One JSON line per round.
 *   npx tsx scripts/experiments/warm-rounds.ts --space manifold --warm-lr 0.0005
 */
import { parseArgs } from 'node:util';

import { clusteringAccuracy } from '../../activities/clustering/accuracy';
import { kMeans } from '../../activities/clustering/kmeans';
import { manifoldLayout } from '../../activities/clustering/manifold';
import { seededRandom, shuffledIndices } from '../../activities/clustering/seeded-random';
import { loadMnistDigits } from '../../activities/data/mnist';
import { initModelBackend } from '../../activities/model/backend';
import type { ClusteringSpace } from '../../activities/model/clustering-targets';
import { trainAutoencoder } from '../../activities/model/train';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '4' },
    epochs: { type: 'string', default: '30' },
    'warm-epochs': { type: 'string', default: '8' },
    space: { type: 'string', default: 'embedding' },
    recluster: { type: 'string', default: '1' },
    'warm-lr': { type: 'string', default: '0.002' },
    'label-share': { type: 'string', default: '0' },
    'label-weight': { type: 'string', default: '1' },
    lambda: { type: 'string', default: '0.002' },
  },
});

const count = Number(args.count);
const seed = Number(args.seed);
const space = args.space as ClusteringSpace;
const reclusterEvery = Number(args.recluster);
const digits = loadMnistDigits({ count });
const share = Number(args['label-share']);
const order = shuffledIndices(count, seededRandom(seed * 31 + 7));
const pointIds = Array.from(order.subarray(0, Math.round(share * count)));
const labels = share > 0 ? { pointIds, classes: pointIds.map((i) => digits.labels[i]!) } : null;

await initModelBackend();
let weights: Uint8Array | undefined;
for (let round = 1; round <= Number(args.rounds); round++) {
  const warm = weights !== undefined;
  const epochs = warm ? Number(args['warm-epochs']) : Number(args.epochs);
  const started = performance.now();
  const model = await trainAutoencoder({
    images: digits.images,
    count,
    config: { embeddingSize: 10, seed, classes: labels ? 10 : 0 },
    seed: seed + round,
    epochs,
    batchSize: 32,
    ...(weights ? { initialWeights: weights } : {}),
    ...(labels ? { labels } : {}),
    options: {
      clusteringSpace: space,
      reclusterEvery,
      clusteringWeight: Number(args.lambda),
      classificationWeight: Number(args['label-weight']),
      ...(warm ? { learningRate: Number(args['warm-lr']) } : {}),
    },
  });
  weights = model.serializeWeights();
  const embedding = model.embed(digits.images, count);
  model.dispose();
  const layout = manifoldLayout(embedding, count, 10, { seed });
  const umap = kMeans(layout, count, 2, { k: 10, seed }).assignments;
  const plain = kMeans(embedding, count, 10, { k: 10, seed }).assignments;
  console.log(
    JSON.stringify({
      round,
      space,
      warmLr: Number(args['warm-lr']),
      lambda: Number(args.lambda),
      labelShare: share,
      umapKMeans: Number(clusteringAccuracy(digits.labels, umap).toFixed(4)),
      kMeans: Number(clusteringAccuracy(digits.labels, plain).toFixed(4)),
      seconds: Math.round((performance.now() - started) / 1000),
    }),
  );
}
