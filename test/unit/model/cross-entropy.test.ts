import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { loadMnistDigits } from '../../../activities/data/mnist';
import type { AutoencoderConfig } from '../../../activities/model/autoencoder';
import { initModelBackend } from '../../../activities/model/backend';
import type { TrainAutoencoderInput } from '../../../activities/model/train';
import {
  labelledCrossEntropy,
  loadTrainedModel,
  trainAutoencoder,
} from '../../../activities/model/train';
import { ValidationError } from '../../../events/errors';

const config: AutoencoderConfig = {
  embeddingSize: 10,
  filters: [4, 8, 8],
  hiddenUnits: 32,
  classes: 10,
};
const digits = loadMnistDigits({ count: 300 });
const everyImage = Array.from({ length: digits.count }, (_, i) => i);

function input(overrides: Partial<TrainAutoencoderInput> = {}): TrainAutoencoderInput {
  return {
    images: digits.images,
    count: digits.count,
    config,
    seed: 3,
    epochs: 8,
    batchSize: 32,
    options: { learningRate: 4e-3, clusteringWeight: 0, augmentation: null },
    ...overrides,
  };
}

/** Share of the images whose most probable class is their true digit. */
function headAccuracy(probabilities: Float32Array): number {
  let right = 0;
  for (let i = 0; i < digits.count; i++) {
    const row = Array.from(probabilities.subarray(i * 10, (i + 1) * 10));
    if (row.indexOf(Math.max(...row)) === digits.labels[i]) right++;
  }
  return right / digits.count;
}

describe('the cross-entropy loss (E3) on the labelled subset', () => {
  beforeAll(async () => {
    await initModelBackend('wasm');
  });

  it('teaches the softmax head the labels; without labels the head stays at chance', async () => {
    const labelled = await trainAutoencoder(
      input({ labels: { pointIds: everyImage, classes: Array.from(digits.labels) } }),
    );
    const unlabelled = await trainAutoencoder(input());
    const accuracies = [labelled, unlabelled].map((model) =>
      headAccuracy(model.classify(digits.images, digits.count)),
    );
    labelled.dispose();
    unlabelled.dispose();

    expect(accuracies[0]).toBeGreaterThan(0.8);
    expect(accuracies[1]).toBeLessThan(0.3);
  });

  it('learns only from the labelled images: a head shown one class predicts it everywhere', async () => {
    const zeros = everyImage.filter((i) => digits.labels[i] === 0);
    const trained = await trainAutoencoder(
      input({ epochs: 3, labels: { pointIds: zeros, classes: zeros.map(() => 0) } }),
    );
    const probabilities = trained.classify(digits.images, digits.count);
    trained.dispose();
    const predictedZero = everyImage.filter((i) => probabilities[i * 10]! > 0.5).length;
    expect(predictedZero / digits.count).toBeGreaterThan(0.95);
  });

  it.each([
    [{ pointIds: [0, 1], classes: [3, 10] }, 'class 10 of image 1 is outside the known set 0..9'],
    [{ pointIds: [0, 1], classes: [3, -1] }, 'class -1 of image 1 is outside the known set 0..9'],
    [
      { pointIds: [300], classes: [3] },
      'image 300 (entry 0) is not one of the 300 training images',
    ],
    [{ pointIds: [0, 1], classes: [3] }, 'expected one class per labelled image'],
  ])('refuses labels %j before training, leaving no checkpoint', async (labels, message) => {
    const checkpoints: number[] = [];
    const attempt = trainAutoencoder(
      input({ labels, onEpochEnd: ({ epoch }) => void checkpoints.push(epoch) }),
    );
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(trainAutoencoder(input({ labels }))).rejects.toThrow(message);
    expect(checkpoints).toEqual([]);
  });

  it('refuses labels for a model without a head', async () => {
    const attempt = trainAutoencoder(
      input({ config: { ...config, classes: 0 }, labels: { pointIds: [0], classes: [1] } }),
    );
    await expect(attempt).rejects.toThrow('the model has no classifier head');
  });

  it('warm-starts the autoencoder from weights whose head had other classes', async () => {
    const fiveClasses = await trainAutoencoder(
      input({ epochs: 1, config: { ...config, classes: 5 } }),
    );
    const weights = fiveClasses.serializeWeights();
    const firstFour = digits.images.subarray(0, 4 * 784);
    const embedding = fiveClasses.embed(firstFour, 4);
    fiveClasses.dispose();

    const warm = await trainAutoencoder(input({ epochs: 0, initialWeights: weights }));
    expect(Array.from(warm.embed(firstFour, 4))).toEqual(Array.from(embedding));
    warm.dispose();
    expect(() => loadTrainedModel(config, weights)).toThrow(/expected shapes/);
  });
});

describe('the weight of the labelled images in a batch', () => {
  it.each([
    { mask: [1, 0, 0, 0], share: 1 / 4 },
    { mask: [1, 1, 0, 0], share: 2 / 4 },
    { mask: [1, 1, 1, 1], share: 1 },
  ])('is their share of the batch ($share), not that of a mean over them', ({ mask, share }) => {
    // Every image has the same logits and class, so each one's cross-entropy is the same.
    const logits = tf.tensor2d(Array.from({ length: 4 }, () => [2, 0, 0]));
    const oneHot = tf.tensor2d(Array.from({ length: 4 }, () => [1, 0, 0]));
    const single = -Math.log(Math.exp(2) / (Math.exp(2) + 2));

    const loss = labelledCrossEntropy(oneHot, logits, tf.tensor1d(mask)).dataSync()[0]!;

    expect(loss).toBeCloseTo(single * share, 5);
  });
});
