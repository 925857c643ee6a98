import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

import { ValidationError } from '../../events/errors';
import { validateImages } from '../data/validate-images';
import type { Autoencoder, AutoencoderConfig, FullAutoencoderConfig } from './autoencoder';
import { createAutoencoderModel } from './autoencoder';
import { decodeWeights, encodeWeights, weightShapesOf } from './weights-codec';

/** Images per forward batch: large enough to amortise kernel calls, small in memory. */
const inferenceBatch = 256;

/** A trained autoencoder, ready to embed images; the caller must `dispose()` it. */
export interface TrainedModel {
  config: FullAutoencoderConfig;
  /** Mean training loss of the last epoch (reconstruction, plus clustering when on). */
  finalLoss: number;
  /** The k-unit embedding of each image: count * embeddingSize values, row-major. */
  embed(images: Float32Array, count: number): Float32Array;
  /** Images decoded from embeddings: count * height * width * channels values. */
  decode(embedding: Float32Array, count: number): Float32Array;
  /** Softmax class probabilities of the head: count * classes values; refused without a head. */
  classify(images: Float32Array, count: number): Float32Array;
  serializeWeights(): Uint8Array;
  dispose(): void;
}

/** Rebuilds a model from `serializeWeights()` bytes; refuses weights of another config. */
export function loadTrainedModel(config: AutoencoderConfig, weights: Uint8Array): TrainedModel {
  const model = createAutoencoderModel(config);
  try {
    setWeights(model, weights);
  } catch (error) {
    disposeAutoencoder(model);
    throw error;
  }
  return wrapTrainedModel(model, Number.NaN);
}

export function wrapTrainedModel(model: Autoencoder, finalLoss: number): TrainedModel {
  const { config } = model;
  const [height, width, channels] = config.inputShape;
  return {
    config,
    finalLoss,
    embed: (images, count) => {
      validateImages({ images, count, width, height, channels }, { width, height, channels });
      return runBatched(applyOf(model.encoder), images, count, [height, width, channels]);
    },
    decode: (embedding, count) =>
      runBatched(applyOf(model.decoder), embedding, count, [config.embeddingSize]),
    classify: (images, count) => {
      const { classifier } = model;
      if (!classifier) {
        throw new ValidationError('classify: this model has no classifier head (classes = 0)');
      }
      validateImages({ images, count, width, height, channels }, { width, height, channels });
      const layers = model.encoder.layers.slice(0, -1);
      const probabilities = (batch: tf.Tensor) =>
        tf.softmax(
          classifier.apply(
            layers.reduce((x, layer) => layer.apply(x) as tf.Tensor, batch),
          ) as tf.Tensor,
        );
      return runBatched(probabilities, images, count, [height, width, channels]);
    },
    serializeWeights: () => serializeWeights(model),
    dispose: () => disposeAutoencoder(model),
  };
}

const networks = (model: Autoencoder) =>
  [model.encoder, model.decoder, ...(model.classifier ? [model.classifier] : [])] as const;

export function weightShapes(model: Autoencoder): number[][] {
  return networks(model).flatMap((net) => net.weights.map((w) => w.shape as number[]));
}

export function serializeWeights(model: Autoencoder): Uint8Array {
  const tensors = networks(model).flatMap((net) => net.getWeights());
  return encodeWeights(
    tensors.map((t) => ({ shape: t.shape, values: t.dataSync() as Float32Array })),
  );
}

/**
 * Loads weights of exactly this model. With `keepHead`, weights of the same autoencoder
 * with another head, or none, load too: the head is then left as initialised. That is how
 * a round warm-starts after the label tree gained or lost a leaf.
 */
export function setWeights(model: Autoencoder, bytes: Uint8Array, keepHead = false): void {
  const shapes = weightShapes(model);
  const stored = weightShapesOf(bytes);
  const autoencoderLength = model.encoder.weights.length + model.decoder.weights.length;
  const sameHead = JSON.stringify(stored) === JSON.stringify(shapes);
  const loaded = keepHead && !sameHead ? shapes.slice(0, autoencoderLength) : shapes;
  const values = decodeWeights(
    bytes,
    keepHead && !sameHead ? [...loaded, ...stored.slice(autoencoderLength)] : loaded,
  );
  const tensors = values.slice(0, loaded.length).map((v, i) => tf.tensor(v, loaded[i]));
  let next = 0;
  for (const net of networks(model)) {
    const count = net.weights.length;
    if (next + count <= tensors.length) net.setWeights(tensors.slice(next, next + count));
    next += count;
  }
  tf.dispose(tensors);
}

export function disposeAutoencoder(model: Autoencoder): void {
  for (const net of networks(model)) net.dispose();
}

const applyOf = (network: tfl.Sequential) => (batch: tf.Tensor) =>
  network.apply(batch) as tf.Tensor;

function runBatched(
  network: (batch: tf.Tensor) => tf.Tensor,
  inputs: Float32Array,
  count: number,
  itemShape: number[],
): Float32Array {
  const itemSize = itemShape.reduce((a, b) => a * b, 1);
  const outputs: Float32Array[] = [];
  for (let start = 0; start < count; start += inferenceBatch) {
    const size = Math.min(inferenceBatch, count - start);
    // Read the output after tidy: returning a typed array from tidy makes it scan every
    // element for tensors, which cost ~8 % of a forward pass.
    const output = tf.tidy(() => {
      const batch = tf.tensor(inputs.subarray(start * itemSize, (start + size) * itemSize), [
        size,
        ...itemShape,
      ]);
      return network(batch);
    });
    outputs.push(output.dataSync() as Float32Array);
    output.dispose();
  }
  const width = outputs.length > 0 ? outputs[0]!.length / Math.min(inferenceBatch, count) : 0;
  const result = new Float32Array(count * width);
  outputs.forEach((values, i) => result.set(values, i * inferenceBatch * width));
  return result;
}
