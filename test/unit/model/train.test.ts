import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';

import type { KMeansResult } from '../../../activities/clustering/kmeans';
import { kMeans } from '../../../activities/clustering/kmeans';
import { loadMnistDigits } from '../../../activities/data/mnist';
import type { AutoencoderConfig } from '../../../activities/model/autoencoder';
import { initModelBackend } from '../../../activities/model/backend';
import type { TrainAutoencoderInput } from '../../../activities/model/train';
import { loadTrainedModel, trainAutoencoder } from '../../../activities/model/train';
import { ValidationError } from '../../../events/errors';

// A small model on a few real digits keeps every test here well under a second or two.
const config: AutoencoderConfig = { embeddingSize: 4, filters: [4, 8, 8], hiddenUnits: 16 };
const digits = loadMnistDigits({ count: 64 });
const firstEight = digits.images.subarray(0, 8 * 784);

function input(overrides: Partial<TrainAutoencoderInput> = {}): TrainAutoencoderInput {
  return {
    images: digits.images,
    count: digits.count,
    config,
    seed: 5,
    epochs: 2,
    batchSize: 16,
    ...overrides,
  };
}

describe('trainAutoencoder', () => {
  beforeAll(async () => {
    await initModelBackend('wasm');
  });

  it('lowers the reconstruction loss epoch after epoch', async () => {
    const losses: number[] = [];
    const trained = await trainAutoencoder(
      input({
        epochs: 4,
        options: { learningRate: 3e-3 },
        onEpochEnd: ({ loss }) => void losses.push(loss),
      }),
    );
    trained.dispose();

    expect(losses).toHaveLength(4);
    expect(losses[3]!).toBeLessThan(losses[0]! * 0.8);
    expect(trained.finalLoss).toBe(losses[3]);
  });

  it('reports every batch and every epoch with throughput and checkpointable weights', async () => {
    const batches: string[] = [];
    const epochs: { epoch: number; epochs: number; bytes: number; rate: number }[] = [];
    const trained = await trainAutoencoder(
      input({
        onBatch: ({ epoch, batch, batches: total }) => batches.push(`${epoch}:${batch}/${total}`),
        onEpochEnd: ({ epoch, epochs: total, samplesPerSecond, weights }) =>
          void epochs.push({
            epoch,
            epochs: total,
            bytes: weights().length,
            rate: samplesPerSecond,
          }),
      }),
    );
    const size = trained.serializeWeights().length;
    trained.dispose();

    expect(batches).toEqual([
      '0:0/4',
      '0:1/4',
      '0:2/4',
      '0:3/4',
      '1:0/4',
      '1:1/4',
      '1:2/4',
      '1:3/4',
    ]);
    expect(epochs.map((e) => [e.epoch, e.epochs, e.bytes])).toEqual([
      [0, 2, size],
      [1, 2, size],
    ]);
    expect(epochs.every((e) => e.rate > 0)).toBe(true);
  });

  it('gives identical embeddings for the same seed, with or without the k-means loss', async () => {
    for (const options of [{}, { clusteringWeight: 0.1, clusters: 3 }]) {
      const first = await trainAutoencoder(input({ options }));
      const second = await trainAutoencoder(input({ options }));
      expect(second.embed(firstEight, 8)).toEqual(first.embed(firstEight, 8));
      first.dispose();
      second.dispose();
    }
  });

  it('resumed from an epoch checkpoint, ends where an uninterrupted run ends', async () => {
    const checkpoints: Uint8Array[] = [];
    const whole = await trainAutoencoder(
      input({ epochs: 3, onEpochEnd: ({ weights }) => void checkpoints.push(weights()) }),
    );
    const resumed = await trainAutoencoder(
      input({ epochs: 3, startEpoch: 2, initialWeights: checkpoints[1] }),
    );
    const expected = whole.embed(firstEight, 8);
    const actual = resumed.embed(firstEight, 8);
    whole.dispose();
    resumed.dispose();

    // Adam's moments restart on resume, so one epoch in the values differ a little.
    expect(actual.length).toBe(expected.length);
    const spread = Math.max(...Array.from(expected, Math.abs));
    actual.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThan(0.2 * spread));
  });

  it('pulls each embedding towards its k-means centroid, held fixed for the epoch', async () => {
    // Epoch 0 trains on reconstruction only; epoch 1 adds the k-means loss or not.
    const distanceMoved = async (clusteringWeight: number) => {
      const embeddings: Float32Array[] = [];
      const trained = await trainAutoencoder(
        input({
          options: {
            learningRate: 3e-3,
            clusteringWeight,
            clusteringFromEpoch: 1,
            clusters: 3,
            augmentation: null,
          },
          onEpochEnd: ({ weights }) => {
            const snapshot = loadTrainedModel(config, weights());
            embeddings.push(snapshot.embed(digits.images, digits.count));
            snapshot.dispose();
          },
        }),
      );
      trained.dispose();
      const [before, after] = embeddings as [Float32Array, Float32Array];
      const fixed = kMeans(before, digits.count, 4, { k: 3, seed: 1 });
      return meanDistanceToCentroids(after, fixed) / meanDistanceToCentroids(before, fixed);
    };
    // Free of the pull, the embedding drifts away; with it, it closes in.
    expect(await distanceMoved(0)).toBeGreaterThan(2);
    expect(await distanceMoved(50)).toBeLessThan(0.9);
  });

  it('serialises weights that load back into a model with identical embeddings', async () => {
    const trained = await trainAutoencoder(input({ epochs: 1 }));
    const loaded = loadTrainedModel(config, trained.serializeWeights());

    expect(loaded.embed(digits.images, digits.count)).toEqual(
      trained.embed(digits.images, digits.count),
    );
    expect(loaded.decode(Float32Array.from([0, 1, 0, 1]), 1)).toEqual(
      trained.decode(Float32Array.from([0, 1, 0, 1]), 1),
    );
    trained.dispose();
    loaded.dispose();
  });

  it('refuses weights saved from another architecture', async () => {
    const trained = await trainAutoencoder(input({ epochs: 0 }));
    const bytes = trained.serializeWeights();
    trained.dispose();
    expect(() => loadTrainedModel({ ...config, hiddenUnits: 8 }, bytes)).toThrow(
      /weights: expected shapes .* received/,
    );
    expect(() => loadTrainedModel(config, new Uint8Array(16))).toThrow(/ACW1 weight format/);
  });

  it('leaves no tensor behind after training, embedding, loading and disposing', async () => {
    const trained = await trainAutoencoder(input({ epochs: 1 }));
    trained.dispose();
    const before = tf.memory().numTensors;

    const again = await trainAutoencoder(
      input({ epochs: 2, options: { clusteringWeight: 1, clusters: 3 } }),
    );
    again.embed(digits.images, digits.count);
    const loaded = loadTrainedModel(config, again.serializeWeights());
    loaded.decode(new Float32Array(8), 2);
    again.dispose();
    loaded.dispose();

    expect(tf.memory().numTensors).toBe(before);
  });

  it.each([
    {
      name: 'an empty set',
      overrides: { images: new Float32Array(0), count: 0 },
      message: /at least one image, received count 0/,
    },
    {
      name: 'images of the wrong size',
      overrides: { images: new Float32Array(2 * 32 * 32), count: 2 },
      message: /expected 1568 values/,
    },
    {
      name: 'a NaN pixel',
      overrides: { images: Float32Array.from(digits.images).fill(Number.NaN, 100, 101) },
      message: /pixel 100 of image 0 is NaN/,
    },
    {
      name: 'more clusters than images',
      overrides: {
        images: digits.images.subarray(0, 2 * 784),
        count: 2,
        options: { clusteringWeight: 1, clusters: 3 },
      },
      message: /k: expected an integer in 1\.\.2/,
    },
    { name: 'a zero batch size', overrides: { batchSize: 0 }, message: /batchSize/ },
    { name: 'a start after the end', overrides: { startEpoch: 3 }, message: /startEpoch.*0\.\.2/ },
  ])('refuses $name and leaks nothing', async ({ overrides, message }) => {
    const before = tf.memory().numTensors;
    await expect(trainAutoencoder(input(overrides))).rejects.toThrow(ValidationError);
    await expect(trainAutoencoder(input(overrides))).rejects.toThrow(message);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses to embed images of the wrong size', async () => {
    const trained = await trainAutoencoder(input({ epochs: 0 }));
    expect(() => trained.embed(new Float32Array(100), 1)).toThrow(/expected 784 values/);
    trained.dispose();
  });
});

function meanDistanceToCentroids(embedding: Float32Array, clustering: KMeansResult): number {
  const { centroids, assignments } = clustering;
  let sum = 0;
  embedding.forEach((v, i) => {
    const centre = assignments[Math.floor(i / 4)]! * 4 + (i % 4);
    sum += (v - centroids[centre]!) ** 2;
  });
  return sum / assignments.length;
}
