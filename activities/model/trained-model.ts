import * as tf from '@tensorflow/tfjs-core';

import { validateImages } from '../data/validate-images';
import type { Autoencoder, AutoencoderConfig, FullAutoencoderConfig } from './autoencoder';
import { createAutoencoderModel } from './autoencoder';
import { decodeWeights, encodeWeights } from './weights-codec';

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
      return runBatched(model.encoder, images, count, [height, width, channels]);
    },
    decode: (embedding, count) =>
      runBatched(model.decoder, embedding, count, [config.embeddingSize]),
    serializeWeights: () => serializeWeights(model),
    dispose: () => disposeAutoencoder(model),
  };
}

export function weightShapes(model: Autoencoder): number[][] {
  return [...model.encoder.weights, ...model.decoder.weights].map((w) => w.shape as number[]);
}

export function serializeWeights(model: Autoencoder): Uint8Array {
  const tensors = [...model.encoder.getWeights(), ...model.decoder.getWeights()];
  return encodeWeights(
    tensors.map((t) => ({ shape: t.shape, values: t.dataSync() as Float32Array })),
  );
}

export function setWeights(model: Autoencoder, bytes: Uint8Array): void {
  const shapes = weightShapes(model);
  const values = decodeWeights(bytes, shapes);
  const tensors = values.map((v, i) => tf.tensor(v, shapes[i]));
  const split = model.encoder.weights.length;
  model.encoder.setWeights(tensors.slice(0, split));
  model.decoder.setWeights(tensors.slice(split));
  tf.dispose(tensors);
}

export function disposeAutoencoder(model: Autoencoder): void {
  model.encoder.dispose();
  model.decoder.dispose();
}

function runBatched(
  network: Autoencoder['encoder'],
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
      return network.apply(batch) as tf.Tensor;
    });
    outputs.push(output.dataSync() as Float32Array);
    output.dispose();
  }
  const width = outputs.length > 0 ? outputs[0]!.length / Math.min(inferenceBatch, count) : 0;
  const result = new Float32Array(count * width);
  outputs.forEach((values, i) => result.set(values, i * inferenceBatch * width));
  return result;
}
