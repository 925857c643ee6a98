import * as tf from '@tensorflow/tfjs-core';

import { ValidationError } from '../../events/errors';
import { seededRandom, shuffledIndices } from '../clustering/seeded-random';
import type { Augmentation } from '../data/augment';
import { augmentImages } from '../data/augment';
import { validateImages } from '../data/validate-images';
import type { Autoencoder, AutoencoderConfig } from './autoencoder';
import type { ClusteringSpace } from './clustering-targets';
import { clusteringTargets } from './clustering-targets';
import { createAutoencoderModel } from './autoencoder';
import type { TrainedModel } from './trained-model';
import {
  disposeAutoencoder,
  serializeWeights,
  setWeights,
  wrapTrainedModel,
} from './trained-model';

export type { TrainedModel } from './trained-model';
export { loadTrainedModel } from './trained-model';

/** Hyperparameters of the training loop; defaults come from scripts/experiments. */
export interface TrainingOptions {
  /** Adam step size. */
  learningRate?: number;
  /** Weight lambda of the k-means loss lambda/(2N) sum ||h(x_i) - c_i||^2; 0 turns it off. */
  clusteringWeight?: number;
  /**
   * Epochs of pure reconstruction before the k-means loss joins in. By default 60% of the
   * epochs from scratch (k-means on a half-trained embedding is noise, and pulling towards
   * it locks the noise in), and none when warm-starting from `initialWeights`.
   */
  clusteringFromEpoch?: number;
  /** Weight of the cross-entropy loss (E3) on the labelled images; 0 turns it off. */
  classificationWeight?: number;
  /**
   * Where the k-means loss clusters: the embedding itself, or its UMAP layout (costlier,
   * and better separated; see clustering-targets.ts).
   */
  clusteringSpace?: ClusteringSpace;
  /** Epochs between reclusterings; in between only the centroids follow the embedding. */
  reclusterEvery?: number;
  /** Pull unlabelled images to the class of their cluster's labelled majority (see there). */
  followLabelledMajority?: boolean;
  /** Clusters of the k-means loss; by default the embedding width. */
  clusters?: number;
  /** Random moves of the training images; null trains on the images as they are. */
  augmentation?: Augmentation | null;
  /**
   * With augmentation, whether the decoder must rebuild the unmoved image rather than the
   * moved copy it was shown. Then the embedding has no use for the move and learns to
   * drop it: what is left is the digit's shape, which is what k-means should group.
   */
  reconstructOriginal?: boolean;
}

/** Progress after each epoch; `weights()` serialises on demand (checkpoints). */
export interface EpochReport {
  /** 0-based index of the epoch just finished. */
  epoch: number;
  epochs: number;
  loss: number;
  samplesPerSecond: number;
  weights: () => Uint8Array;
}

export interface TrainAutoencoderInput {
  /** count * 28 * 28 pixels in [0, 1] (or the config's input shape). */
  images: Float32Array;
  count: number;
  config: AutoencoderConfig;
  /** Fixes initialisation, shuffling, augmentation and k-means: same seed, same model. */
  seed: number;
  /** Epoch to stop before; with `startEpoch` a resumed run ends where a fresh one would. */
  epochs: number;
  batchSize: number;
  /** First epoch to run, when resuming from a checkpoint's `initialWeights`. */
  startEpoch?: number;
  /** Weights to start from instead of the seeded initialisation (warm start or resume). */
  initialWeights?: Uint8Array;
  /**
   * The labelled subset for the cross-entropy loss (E3): image indices and their classes,
   * 0..config.classes-1. Images not listed add no cross-entropy.
   */
  labels?: LabelledImages;
  options?: TrainingOptions;
  onEpochEnd?: (report: EpochReport) => void | Promise<void>;
  onBatch?: (progress: { epoch: number; batch: number; batches: number }) => void;
}

/** Image indices with their classes; both lists have one entry per labelled image. */
export interface LabelledImages {
  pointIds: ArrayLike<number>;
  classes: ArrayLike<number>;
}

type ResolvedOptions = Required<TrainingOptions>;

/** What a training run carries from epoch to epoch. */
interface TrainingState {
  /** Each image's class for the cross-entropy loss, -1 when unlabelled; null when it is off. */
  classOf: Int32Array | null;
  /** The k-means loss's last assignments, kept between reclusterings. */
  assignments?: Int32Array;
}

/**
 * Defaults measured on 2,000 digits (scripts/experiments/sweep.ts): Adam at 2e-3 reached a
 * lower loss in the same epochs than 1e-3 without the instability of 3e-3; moved copies of
 * the digits and the k-means loss each added several points of accuracy.
 */
export const defaultTraining: Required<Omit<TrainingOptions, 'clusteringFromEpoch'>> = {
  learningRate: 2e-3,
  clusteringWeight: 0.002,
  classificationWeight: 1,
  clusteringSpace: 'embedding',
  reclusterEvery: 1,
  followLabelledMajority: false,
  clusters: 0,
  augmentation: { maxShift: 2, maxRotation: 0.2, maxScale: 0.1 },
  reconstructOriginal: false,
};

/**
 * Trains the autoencoder on reconstruction MSE (E1), plus the k-means loss (E2) when its
 * weight is above 0: at the start of each epoch the clean images are embedded and
 * clustered, and every image is pulled towards its centroid, which stays fixed until the
 * epoch ends. Adam's moments are not checkpointed: a resumed run restarts them.
 */
export async function trainAutoencoder(input: TrainAutoencoderInput): Promise<TrainedModel> {
  const { images, count, seed, epochs, batchSize } = input;
  const startEpoch = input.startEpoch ?? 0;
  const options = {
    ...defaultTraining,
    // A warm start already clusters well, so its k-means loss starts at once; a resumed run
    // (startEpoch > 0) keeps the schedule of the run it continues.
    clusteringFromEpoch: input.initialWeights && !startEpoch ? 0 : Math.floor(0.6 * epochs),
    ...input.options,
  };
  const model = createAutoencoderModel({ seed, ...input.config });
  const state: TrainingState = { classOf: null };
  const [height, width, channels] = model.config.inputShape;
  try {
    validateImages({ images, count, width, height, channels }, { width, height, channels });
    validateSchedule(epochs, batchSize, startEpoch);
    const classOf = classOfImage(input.labels, count, model.config.classes);
    state.classOf = options.classificationWeight > 0 ? classOf : null;
    // A warm start may come from a model whose head had other classes: only its
    // autoencoder carries over then.
    if (input.initialWeights) setWeights(model, input.initialWeights, !startEpoch);
  } catch (error) {
    disposeAutoencoder(model);
    throw error;
  }

  const optimizer = tf.train.adam(options.learningRate);
  let finalLoss = Number.NaN;
  try {
    for (let epoch = startEpoch; epoch < epochs; epoch++) {
      const started = performance.now();
      finalLoss = await runEpoch(model, optimizer, input, options, epoch, state);
      const seconds = (performance.now() - started) / 1000;
      await input.onEpochEnd?.({
        epoch,
        epochs,
        loss: finalLoss,
        samplesPerSecond: count / Math.max(seconds, 1e-6),
        weights: () => serializeWeights(model),
      });
    }
    if (Number.isNaN(finalLoss)) finalLoss = reconstructionLoss(model, images, count);
  } catch (error) {
    disposeAutoencoder(model);
    throw error;
  } finally {
    optimizer.dispose();
  }
  return wrapTrainedModel(model, finalLoss);
}

function validateSchedule(epochs: number, batchSize: number, startEpoch: number): void {
  if (!Number.isInteger(epochs) || epochs < 0) {
    throw new ValidationError(`epochs: expected an integer >= 0, received ${epochs}`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new ValidationError(`batchSize: expected an integer >= 1, received ${batchSize}`);
  }
  if (!Number.isInteger(startEpoch) || startEpoch < 0 || startEpoch > epochs) {
    throw new ValidationError(
      `startEpoch: expected an integer in 0..${epochs} (epochs), received ${startEpoch}`,
    );
  }
}

/** One pass over the shuffled images; returns the mean loss per image. */
async function runEpoch(
  model: Autoencoder,
  optimizer: tf.Optimizer,
  input: TrainAutoencoderInput,
  options: ResolvedOptions,
  epoch: number,
  state: TrainingState,
): Promise<number> {
  const { images, count, batchSize, seed } = input;
  const [height, width, channels] = model.config.inputShape;
  const pixels = height * width * channels;
  // The epoch's own stream: a resumed run draws exactly what an uninterrupted one would.
  const random = seededRandom(seed * 100_003 + epoch);
  const order = shuffledIndices(count, random);
  const useClustering = options.clusteringWeight > 0 && epoch >= options.clusteringFromEpoch;
  const k = model.config.embeddingSize;
  const classes = model.config.classes;
  const { classOf } = state;
  const targets = useClustering ? centroidTargets(model, input, options, epoch, state) : undefined;
  const oneHot = new Float32Array(batchSize * Math.max(classes, 1));
  const labelledMask = new Float32Array(batchSize);
  const variables = trainableVariables(model);
  const batches = Math.ceil(count / batchSize);
  const batchImages = new Float32Array(batchSize * pixels);
  const moved = new Float32Array(batchSize * pixels);

  const batchTargets = new Float32Array(batchSize * k);

  let lossSum = 0;
  for (let batch = 0; batch < batches; batch++) {
    const size = Math.min(batchSize, count - batch * batchSize);
    let labelledInBatch = 0;
    oneHot.fill(0);
    for (let j = 0; j < size; j++) {
      const index = order[batch * batchSize + j]!;
      batchImages.set(images.subarray(index * pixels, (index + 1) * pixels), j * pixels);
      if (targets) batchTargets.set(targets.subarray(index * k, (index + 1) * k), j * k);
      const label = classOf ? classOf[index]! : -1;
      labelledMask[j] = label >= 0 ? 1 : 0;
      if (label >= 0) {
        oneHot[j * classes + label] = 1;
        labelledInBatch++;
      }
    }
    const shown = options.augmentation && channels === 1 && height === width ? moved : batchImages;
    if (shown === moved) {
      augmentImages(batchImages, size, width, options.augmentation!, random, moved);
    }

    const loss = tf.tidy(() => {
      const shape: [number, number, number, number] = [size, height, width, channels];
      const x = tf.tensor4d(shown.subarray(0, size * pixels), shape);
      const original = options.reconstructOriginal
        ? tf.tensor4d(batchImages.subarray(0, size * pixels), shape)
        : x;
      const c = targets ? tf.tensor2d(batchTargets.subarray(0, size * k), [size, k]) : undefined;
      const truth =
        labelledInBatch > 0
          ? {
              oneHot: tf.tensor2d(oneHot.subarray(0, size * classes), [size, classes]),
              mask: tf.tensor1d(labelledMask.subarray(0, size)),
            }
          : undefined;
      const cost = optimizer.minimize(
        () => batchLoss(model, { x, original, centroids: c, truth }, options),
        true,
        variables,
      );
      return cost!.dataSync()[0]!;
    });
    lossSum += loss * size;
    input.onBatch?.({ epoch, batch, batches });
    // Let the event loop turn between batches, so heartbeats, cancellation and the worker's
    // other tasks are served during a long epoch.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return lossSum / count;
}

interface BatchTensors {
  x: tf.Tensor4D;
  /** What the decoder must rebuild: `x` itself, or the unmoved images. */
  original: tf.Tensor4D;
  centroids?: tf.Tensor2D;
  /** One-hot classes and a 0/1 mask of the labelled images of the batch. */
  truth?: { oneHot: tf.Tensor2D; mask: tf.Tensor1D };
}

/**
 * Reconstruction MSE per pixel (E1), plus lambda/(2B) sum ||h - c||^2 over the batch, the
 * batch estimate of the paper's lambda/(2N) sum over all images (E2), plus the softmax
 * cross-entropy summed over the batch's labelled images and divided by the batch size (E3).
 */
function batchLoss(model: Autoencoder, batch: BatchTensors, options: ResolvedOptions): tf.Scalar {
  const { x, original, centroids, truth } = batch;
  const layers = model.encoder.layers;
  let hidden: tf.Tensor = x;
  for (const layer of layers.slice(0, -1))
    hidden = layer.apply(hidden, { training: true }) as tf.Tensor;
  const embedding = layers.at(-1)!.apply(hidden, { training: true }) as tf.Tensor2D;
  const reconstruction = model.decoder.apply(embedding, { training: true }) as tf.Tensor4D;
  let loss = tf.mean(tf.squaredDifference(reconstruction, original)) as tf.Scalar;
  if (centroids !== undefined) {
    const pull = tf.div(tf.sum(tf.squaredDifference(embedding, centroids)), 2 * x.shape[0]);
    loss = tf.add(loss, tf.mul(pull, options.clusteringWeight));
  }
  if (truth !== undefined && model.classifier) {
    const logits = model.classifier.apply(hidden, { training: true }) as tf.Tensor2D;
    const crossEntropy = labelledCrossEntropy(truth.oneHot, logits, truth.mask);
    loss = tf.add(loss, tf.mul(crossEntropy, options.classificationWeight));
  }
  return loss;
}

/**
 * Each image's class for the cross-entropy loss, -1 when unlabelled; refuses labels the
 * head cannot learn, naming the offending entry.
 */
function classOfImage(
  labels: LabelledImages | undefined,
  count: number,
  classes: number,
): Int32Array | null {
  if (!labels || labels.pointIds.length === 0) return null;
  if (labels.pointIds.length !== labels.classes.length) {
    throw new ValidationError(
      `labels: expected one class per labelled image, received ${labels.pointIds.length} ` +
        `images and ${labels.classes.length} classes`,
    );
  }
  if (classes === 0) {
    throw new ValidationError(
      'labels: the model has no classifier head; set config.classes to train on labels',
    );
  }
  const classOf = new Int32Array(count).fill(-1);
  for (let i = 0; i < labels.pointIds.length; i++) {
    const pointId = labels.pointIds[i]!;
    const label = labels.classes[i]!;
    if (!Number.isInteger(pointId) || pointId < 0 || pointId >= count) {
      throw new ValidationError(
        `labels: image ${pointId} (entry ${i}) is not one of the ${count} training images`,
      );
    }
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new ValidationError(
        `labels: class ${label} of image ${pointId} is outside the known set 0..${classes - 1}`,
      );
    }
    classOf[pointId] = label;
  }
  return classOf;
}

/** The k-means loss targets of one epoch; reuses the last assignments between reclusterings. */
function centroidTargets(
  model: Autoencoder,
  input: TrainAutoencoderInput,
  options: ResolvedOptions,
  epoch: number,
  state: TrainingState,
): Float32Array {
  const k = model.config.embeddingSize;
  const embedding = wrapTrainedModel(model, 0).embed(input.images, input.count);
  const recluster = (epoch - options.clusteringFromEpoch) % options.reclusterEvery === 0;
  const { targets, assignments } = clusteringTargets({
    embedding,
    count: input.count,
    width: k,
    clusters: options.clusters > 0 ? options.clusters : k,
    space: options.clusteringSpace,
    seed: input.seed * 31 + epoch,
    ...(recluster || !state.assignments ? {} : { assignments: state.assignments }),
    classOf: state.classOf,
    followLabelledMajority: options.followLabelledMajority,
  });
  state.assignments = assignments;
  return targets;
}

function trainableVariables(model: Autoencoder): tf.Variable[] {
  const heads = model.classifier ? model.classifier.trainableWeights : [];
  return [...model.encoder.trainableWeights, ...model.decoder.trainableWeights, ...heads].map(
    (weight) => weight.read() as tf.Variable,
  );
}

/** Mean reconstruction MSE of the clean images, for a run that trained no epoch. */
function reconstructionLoss(model: Autoencoder, images: Float32Array, count: number): number {
  const trained = wrapTrainedModel(model, 0);
  const decoded = trained.decode(trained.embed(images, count), count);
  let sum = 0;
  for (let i = 0; i < decoded.length; i++) sum += (decoded[i]! - images[i]!) ** 2;
  return sum / decoded.length;
}

/**
 * Softmax cross-entropy summed over a batch's labelled images (mask 1) and divided by the
 * whole batch, as the paper's sum over the labelled subset divided by N. A mean over the
 * labelled images alone would weigh each of the one or two a batch holds when labels are
 * few as much as the whole reconstruction, and bend the embedding to a few dozen images
 * (measured: 2 % labels took a first round from 0.86 to 0.57, and 0.43 the round after).
 */
export function labelledCrossEntropy(
  oneHot: tf.Tensor2D,
  logits: tf.Tensor2D,
  mask: tf.Tensor1D,
): tf.Scalar {
  const summed = tf.losses.softmaxCrossEntropy(oneHot, logits, mask, 0, tf.Reduction.SUM);
  return tf.div(summed, oneHot.shape[0]);
}
