/**
 * Sweeps the weight of the k-means loss (lambda) and the epochs of the labelled rows of
 * `npm run reproduce`: pretrains once, then fine-tunes from those weights as the reproduce
 * jobs do, for every combination. One JSON line per fine-tuning.
 *   npx tsx scripts/experiments/fine-tune-sweep.ts --count 2000 --lambdas 0.002,0.02 --shares 1
 */
import { parseArgs } from 'node:util';

import { clusteringAccuracy } from '../../activities/clustering/accuracy';
import { kMeans } from '../../activities/clustering/kmeans';
import { manifoldLayout } from '../../activities/clustering/manifold';
import { loadMnistDigits } from '../../activities/data/mnist';
import { initModelBackend } from '../../activities/model/backend';
import { trainAutoencoder } from '../../activities/model/train';
import { labelledSubset } from '../reproduce/jobs';
import type { RowId } from '../reproduce/protocol';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    'pretrain-epochs': { type: 'string', default: '30' },
    epochs: { type: 'string', default: '6' },
    recluster: { type: 'string', default: '3' },
    batch: { type: 'string', default: '32' },
    lambdas: { type: 'string', default: '0.002,0.01,0.05' },
    rows: { type: 'string', default: 'labels-20,labels-100' },
  },
});
const list = (text: string) => text.split(',').filter(Boolean);
const count = Number(args.count);
const seed = Number(args.seed);
const batchSize = Number(args.batch);
const digits = loadMnistDigits({ count });

await initModelBackend();
const pretrained = await trainAutoencoder({
  images: digits.images,
  count,
  config: { embeddingSize: 10, seed },
  seed,
  epochs: Number(args['pretrain-epochs']),
  batchSize,
  options: { clusteringWeight: 0 },
});
const weights = pretrained.serializeWeights();
pretrained.dispose();

for (const row of list(args.rows) as RowId[]) {
  for (const lambda of list(args.lambdas).map(Number)) {
    const labels = labelledSubset(row, digits, seed);
    const started = performance.now();
    const model = await trainAutoencoder({
      images: digits.images,
      count,
      config: { embeddingSize: 10, seed, classes: labels ? 10 : 0 },
      seed,
      epochs: Number(args.epochs),
      batchSize,
      initialWeights: weights,
      ...(labels ? { labels } : {}),
      options: {
        clusteringWeight: lambda,
        clusteringFromEpoch: 0,
        clusteringSpace: 'manifold',
        reclusterEvery: Number(args.recluster),
        followLabelledMajority: true,
      },
    });
    const embedding = model.embed(digits.images, count);
    model.dispose();
    const plain = kMeans(embedding, count, 10, { k: 10, seed }).assignments;
    const layout = manifoldLayout(embedding, count, 10, { seed });
    const umap = kMeans(layout, count, 2, { k: 10, seed }).assignments;
    console.log(
      JSON.stringify({
        row,
        lambda,
        kMeans: Number(clusteringAccuracy(digits.labels, plain).toFixed(4)),
        umapKMeans: Number(clusteringAccuracy(digits.labels, umap).toFixed(4)),
        seconds: Math.round((performance.now() - started) / 1000),
      }),
    );
  }
}
