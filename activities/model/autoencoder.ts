import * as tfl from '@tensorflow/tfjs-layers';

import { ValidationError } from '../../events/errors';

/**
 * Shape and size of the convolutional autoencoder. Every field but `embeddingSize` has a
 * default chosen by the measurements in scripts/experiments (see `defaultAutoencoder`).
 */
export interface AutoencoderConfig {
  /** Width k of the embedding; by default the number of clusters. */
  embeddingSize: number;
  /** Input images, height x width x channels; both sides divisible by 4. */
  inputShape?: [number, number, number];
  /** Output channels of the three encoder convolutions (mirrored by the decoder). */
  filters?: [number, number, number];
  /** Square kernel side of the three encoder convolutions. */
  kernelSizes?: [number, number, number];
  /** Units of the dense layer between the last convolution and the embedding. */
  hiddenUnits?: number;
  /**
   * Classes of the softmax head on the layer before the embedding, trained by the
   * cross-entropy loss (E3) on labelled images; 0 builds no head.
   */
  classes?: number;
  /** Seed of the weight initialisation. */
  seed?: number;
}

/** A config with every default filled in. */
export type FullAutoencoderConfig = Required<AutoencoderConfig>;

/**
 * The encoder (image to embedding) and decoder (embedding to image) of one model, and the
 * classifier head (the encoder's hidden layer to class logits) when `config.classes` > 0.
 */
export interface Autoencoder {
  config: FullAutoencoderConfig;
  encoder: tfl.Sequential;
  decoder: tfl.Sequential;
  classifier?: tfl.Sequential;
}

/**
 * Defaults. Stride-2 convolutions halve the image three times (28 -> 14 -> 7 -> 3), so no
 * pooling layers are needed and the costly layers run on small maps. Filters 16/32/64 are
 * a quarter of the common 32/64/128 in multiply-adds, which is what lets a 2,000-digit
 * round train enough epochs in under three minutes on one core.
 */
export const defaultAutoencoder: Omit<FullAutoencoderConfig, 'embeddingSize'> = {
  inputShape: [28, 28, 1],
  filters: [16, 32, 64],
  kernelSizes: [5, 5, 3],
  hiddenUnits: 64,
  classes: 0,
  seed: 1,
};

/** Fills in the defaults and refuses a config no model can be built from. */
export function resolveAutoencoderConfig(config: AutoencoderConfig): FullAutoencoderConfig {
  const full = { ...defaultAutoencoder, ...config };
  const { embeddingSize, inputShape, filters, kernelSizes, hiddenUnits, classes, seed } = full;
  const positive = (value: number) => Number.isInteger(value) && value >= 1;

  if (!positive(embeddingSize)) {
    throw new ValidationError(`embeddingSize: expected an integer >= 1, received ${embeddingSize}`);
  }
  if (inputShape.length !== 3 || !inputShape.every(positive)) {
    throw new ValidationError(
      `inputShape: expected [height, width, channels] of positive integers, ` +
        `received ${JSON.stringify(inputShape)}`,
    );
  }
  if (inputShape[0] % 4 !== 0 || inputShape[1] % 4 !== 0 || inputShape[0] < 8) {
    throw new ValidationError(
      `inputShape: expected height and width divisible by 4 and at least 8, ` +
        `received ${inputShape[0]}x${inputShape[1]}`,
    );
  }
  for (const [name, list] of [
    ['filters', filters],
    ['kernelSizes', kernelSizes],
  ] as const) {
    if (list.length !== 3 || !list.every(positive)) {
      throw new ValidationError(
        `${name}: expected three positive integers, received ${JSON.stringify(list)}`,
      );
    }
  }
  for (const side of [inputShape[0] / 4, inputShape[1] / 4]) {
    if (decodedSide(side, kernelSizes[2]) !== side) {
      throw new ValidationError(
        `kernelSizes: the third kernel (${kernelSizes[2]}) must fit the ${side}-pixel map it ` +
          `reads and let the decoder rebuild that size; an odd kernel from 3 to ${side} does`,
      );
    }
  }
  if (!positive(hiddenUnits)) {
    throw new ValidationError(`hiddenUnits: expected an integer >= 1, received ${hiddenUnits}`);
  }
  if (!Number.isInteger(classes) || classes < 0 || classes === 1) {
    throw new ValidationError(
      `classes: expected 0 (no head) or an integer >= 2, received ${classes}`,
    );
  }
  if (!Number.isInteger(seed)) {
    throw new ValidationError(`seed: expected an integer, received ${seed}`);
  }
  return full;
}

/**
 * Builds the paper's autoencoder: 3 convolutions and 2 dense layers down to a linear
 * k-unit embedding, and the mirror image back (2 dense layers, 3 transposed convolutions).
 * ReLU everywhere but the embedding and the output, which are linear: a sigmoid output
 * stalled training at the mean image in every run measured (the MSE gradient through a
 * saturated sigmoid vanishes and the ReLUs feeding it die).
 * The third convolution uses 'valid' padding so that 7 -> 3 -> 7 round-trips exactly.
 */
export function createAutoencoderModel(config: AutoencoderConfig): Autoencoder {
  const full = resolveAutoencoderConfig(config);
  const { embeddingSize, inputShape, filters, kernelSizes, hiddenUnits } = full;
  const [height, width, channels] = inputShape;
  const initializer = seededInitializers(full.seed);
  const [f1, f2, f3] = filters;
  const [k1, k2, k3] = kernelSizes;
  const smallHeight = encodedSide(height / 4, k3);
  const smallWidth = encodedSide(width / 4, k3);

  const encoder = tfl.sequential({
    layers: [
      conv(f1, k1, 'same', initializer(), inputShape),
      conv(f2, k2, 'same', initializer()),
      conv(f3, k3, 'valid', initializer()),
      tfl.layers.flatten(),
      dense(hiddenUnits, 'relu', initializer()),
      dense(embeddingSize, 'linear', initializer()),
    ],
  });
  const decoder = tfl.sequential({
    layers: [
      dense(hiddenUnits, 'relu', initializer(), [embeddingSize]),
      dense(smallHeight * smallWidth * f3, 'relu', initializer()),
      tfl.layers.reshape({ targetShape: [smallHeight, smallWidth, f3] }),
      deconv(f2, k3, 'valid', 'relu', initializer()),
      deconv(f1, k2, 'same', 'relu', initializer()),
      deconv(channels, k1, 'same', 'linear', initializer()),
    ],
  });
  // The head's initialiser is drawn last, so adding a head leaves every other weight as is.
  const classifier =
    full.classes > 0
      ? tfl.sequential({
          layers: [dense(full.classes, 'linear', initializer(), [hiddenUnits])],
        })
      : undefined;
  return { config: full, encoder, decoder, ...(classifier ? { classifier } : {}) };
}

/** Side of the map after the third ('valid', stride 2) convolution. */
function encodedSide(side: number, kernel: number): number {
  return Math.floor((side - kernel) / 2) + 1;
}

/** Side the mirrored 'valid' transposed convolution rebuilds (the Keras length rule). */
function decodedSide(side: number, kernel: number): number {
  const encoded = encodedSide(side, kernel);
  return encoded < 1 ? 0 : encoded * 2 + Math.max(kernel - 2, 0);
}

type Initializer = ReturnType<typeof tfl.initializers.glorotUniform>;

/** One seed per layer, drawn in build order, so a config's seed fixes every weight. */
function seededInitializers(seed: number): () => Initializer {
  let layer = 0;
  return () => tfl.initializers.glorotUniform({ seed: seed * 1000 + layer++ });
}

function conv(
  filters: number,
  kernelSize: number,
  padding: 'same' | 'valid',
  kernelInitializer: Initializer,
  inputShape?: number[],
) {
  return tfl.layers.conv2d({
    filters,
    kernelSize,
    strides: 2,
    padding,
    activation: 'relu',
    kernelInitializer,
    ...(inputShape ? { inputShape } : {}),
  });
}

function deconv(
  filters: number,
  kernelSize: number,
  padding: 'same' | 'valid',
  activation: 'relu' | 'linear',
  kernelInitializer: Initializer,
) {
  return tfl.layers.conv2dTranspose({
    filters,
    kernelSize,
    strides: 2,
    padding,
    activation,
    kernelInitializer,
  });
}

function dense(
  units: number,
  activation: 'relu' | 'linear',
  kernelInitializer: Initializer,
  inputShape?: number[],
) {
  return tfl.layers.dense({
    units,
    activation,
    kernelInitializer,
    ...(inputShape ? { inputShape } : {}),
  });
}
