import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';

import type { AutoencoderConfig } from '../../../activities/model/autoencoder';
import { createAutoencoderModel } from '../../../activities/model/autoencoder';
import { initModelBackend } from '../../../activities/model/backend';
import { ValidationError } from '../../../events/errors';

describe('createAutoencoderModel', () => {
  beforeAll(async () => {
    await initModelBackend('wasm');
  });

  it.each([
    { embeddingSize: 10, filters: [16, 32, 64], kernelSizes: [5, 5, 3] },
    { embeddingSize: 3, filters: [4, 8, 8], kernelSizes: [3, 3, 3] },
    { embeddingSize: 2, filters: [2, 2, 2], kernelSizes: [5, 5, 5] },
  ] as AutoencoderConfig[])(
    'maps 28x28x1 images to $embeddingSize units and back (filters $filters)',
    (config) => {
      const model = createAutoencoderModel(config);
      const images = tf.zeros([3, 28, 28, 1]);
      const embedding = model.encoder.apply(images) as tf.Tensor;
      const reconstruction = model.decoder.apply(embedding) as tf.Tensor;

      expect(embedding.shape).toEqual([3, config.embeddingSize]);
      expect(reconstruction.shape).toEqual([3, 28, 28, 1]);
      expect(model.encoder.layers.map((l) => l.getClassName())).toEqual([
        'Conv2D',
        'Conv2D',
        'Conv2D',
        'Flatten',
        'Dense',
        'Dense',
      ]);
      expect(model.decoder.layers.map((l) => l.getClassName())).toEqual([
        'Dense',
        'Dense',
        'Reshape',
        'Conv2DTranspose',
        'Conv2DTranspose',
        'Conv2DTranspose',
      ]);
      tf.dispose([images, embedding, reconstruction]);
      model.encoder.dispose();
      model.decoder.dispose();
    },
  );

  it('builds the same weights from the same seed, and other weights from another', () => {
    const weightsOf = (seed: number) => {
      const model = createAutoencoderModel({ embeddingSize: 4, filters: [2, 2, 2], seed });
      const values = model.encoder.getWeights()[0]!.dataSync().slice();
      model.encoder.dispose();
      model.decoder.dispose();
      return Array.from(values);
    };
    expect(weightsOf(3)).toEqual(weightsOf(3));
    expect(weightsOf(4)).not.toEqual(weightsOf(3));
  });

  it.each([
    {
      config: { embeddingSize: 0 },
      message: /embeddingSize: expected an integer >= 1, received 0/,
    },
    { config: { embeddingSize: 10, filters: [8, 8] }, message: /filters: expected three/ },
    { config: { embeddingSize: 10, kernelSizes: [5, 5, 9] }, message: /third kernel \(9\)/ },
    { config: { embeddingSize: 10, kernelSizes: [5, 5, 4] }, message: /odd kernel from 3 to 7/ },
    { config: { embeddingSize: 10, inputShape: [30, 30, 1] }, message: /divisible by 4.*30x30/ },
    { config: { embeddingSize: 10, hiddenUnits: 2.5 }, message: /hiddenUnits.*2.5/ },
  ] as { config: AutoencoderConfig; message: RegExp }[])(
    'refuses $config before building anything',
    ({ config, message }) => {
      const before = tf.memory().numTensors;
      expect(() => createAutoencoderModel(config)).toThrow(ValidationError);
      expect(() => createAutoencoderModel(config)).toThrow(message);
      expect(tf.memory().numTensors).toBe(before);
    },
  );
});
