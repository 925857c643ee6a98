import { beforeAll, describe, expect, it } from 'vitest';

import { clusteringScores } from '../../../activities/clustering/accuracy';
import { kMeans } from '../../../activities/clustering/kmeans';
import { loadMnistDigits } from '../../../activities/data/mnist';
import { initModelBackend } from '../../../activities/model/backend';
import { recommendedRound } from '../../../activities/model/recommended-round';
import { trainAutoencoder } from '../../../activities/model/train';

// The slow test of the suite: one full round's training on 2,000 real digits (about three
// minutes on one free core of this machine; see the wall time printed at the end).
describe('autoencoder embedding on 2,000 real MNIST digits', () => {
  const digits = loadMnistDigits({ count: 2_000 });
  const seed = 1;

  beforeAll(async () => {
    await initModelBackend('wasm');
  });

  it('clusters with k-means to at least 0.75 accuracy, beating k-means on pixels', async () => {
    const started = performance.now();
    const trained = await trainAutoencoder({
      images: digits.images,
      count: digits.count,
      config: { embeddingSize: 10 },
      seed,
      ...recommendedRound,
    });
    const embedding = trained.embed(digits.images, digits.count);
    trained.dispose();
    const seconds = (performance.now() - started) / 1000;

    const onEmbedding = kMeans(embedding, digits.count, 10, { k: 10, seed });
    const onPixels = kMeans(digits.images, digits.count, 784, { k: 10, seed, restarts: 3 });
    const embedded = clusteringScores(digits.labels, onEmbedding.assignments);
    const pixels = clusteringScores(digits.labels, onPixels.assignments);
    console.log(
      `accuracy: embedding ${embedded.accuracy.toFixed(3)} (NMI ${embedded.nmi.toFixed(3)}, ` +
        `ARI ${embedded.ari.toFixed(3)}), pixels ${pixels.accuracy.toFixed(3)}; ` +
        `training ${seconds.toFixed(0)} s`,
    );

    expect(embedded.accuracy).toBeGreaterThanOrEqual(0.75);
    expect(embedded.accuracy).toBeGreaterThan(pixels.accuracy);
  }, 900_000);
});
