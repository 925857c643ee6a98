import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';

import type { AutoencoderConfig } from '../../../activities/model/autoencoder';
import { createAutoencoderModel } from '../../../activities/model/autoencoder';
import { initModelBackend } from '../../../activities/model/backend';
import { disposeAutoencoder } from '../../../activities/model/trained-model';
import { ValidationError } from '../../../events/errors';
import type { LayerShape } from '../../bench/flops';
import {
  forwardFlopsPerSample,
  forwardMultiplyAdds,
  trainingFlopsPerSample,
} from '../../bench/flops';
import { autoencoderLayerShapes, sequentialLayerShapes } from '../../bench/layer-shapes';

const kernel = { kernelHeight: 3, kernelWidth: 5 };

describe('forwardMultiplyAdds', () => {
  it.each<{ layer: LayerShape; multiplyAdds: number }>([
    {
      // 4 x 2 output positions, each a 3 x 5 x 2 kernel for each of 3 filters.
      layer: {
        kind: 'conv2d',
        outputHeight: 4,
        outputWidth: 2,
        ...kernel,
        inputChannels: 2,
        outputChannels: 3,
      },
      multiplyAdds: 4 * 2 * 15 * 2 * 3,
    },
    {
      // Counted from the 2 x 3 input: each value spread through a 3 x 5 kernel to 4 channels.
      layer: {
        kind: 'conv2dTranspose',
        inputHeight: 2,
        inputWidth: 3,
        ...kernel,
        inputChannels: 1,
        outputChannels: 4,
      },
      multiplyAdds: 2 * 3 * 15 * 1 * 4,
    },
    { layer: { kind: 'dense', inputUnits: 7, outputUnits: 3 }, multiplyAdds: 21 },
  ])('counts $multiplyAdds multiply-adds for a $layer.kind layer', ({ layer, multiplyAdds }) => {
    expect(forwardMultiplyAdds(layer)).toBe(multiplyAdds);
  });

  it('refuses a layer kind it does not know, naming it', () => {
    const pooling = { kind: 'maxPool', size: 2 } as unknown as LayerShape;
    expect(() => forwardMultiplyAdds(pooling)).toThrow(ValidationError);
    expect(() => forwardMultiplyAdds(pooling)).toThrow(/maxPool/);
  });
});

describe('FLOPs per sample', () => {
  // conv 72 + transposed conv 72 + dense 32 = 176 multiply-adds forward.
  const layers: LayerShape[] = [
    {
      kind: 'conv2d',
      outputHeight: 2,
      outputWidth: 2,
      kernelHeight: 3,
      kernelWidth: 3,
      inputChannels: 1,
      outputChannels: 2,
    },
    {
      kind: 'conv2dTranspose',
      inputHeight: 2,
      inputWidth: 2,
      kernelHeight: 3,
      kernelWidth: 3,
      inputChannels: 2,
      outputChannels: 1,
    },
    { kind: 'dense', inputUnits: 8, outputUnits: 4 },
  ];

  it('counts two operations per multiply-add forward, and three forward passes to train', () => {
    expect(forwardFlopsPerSample(layers)).toBe(352);
    expect(trainingFlopsPerSample(layers)).toBe(1056);
  });

  it('counts nothing for a model without costly layers', () => {
    expect(trainingFlopsPerSample([])).toBe(0);
  });
});

describe('autoencoderLayerShapes', () => {
  beforeAll(async () => {
    await initModelBackend('cpu');
  });

  it.each<{ name: string; config: AutoencoderConfig; perLayer: number[]; training: number }>([
    {
      // 12 -> 6 -> 3 -> 1 with 2, 3, 4 filters of side 3; hidden 5; embedding 2.
      name: 'a tiny 12x12 model',
      config: {
        embeddingSize: 2,
        inputShape: [12, 12, 1],
        filters: [2, 3, 4],
        kernelSizes: [3, 3, 3],
        hiddenUnits: 5,
      },
      perLayer: [648, 486, 108, 20, 10, 10, 20, 108, 486, 648],
      training: 3 * 2 * 2544,
    },
    {
      // 28 -> 14 -> 7 -> 3 with 16, 32, 64 filters of sides 5, 5, 3; hidden 64; embedding 10.
      name: 'the default model',
      config: { embeddingSize: 10 },
      perLayer: [78_400, 627_200, 165_888, 36_864, 640, 640, 36_864, 165_888, 627_200, 78_400],
      training: 3 * 2 * 1_817_984,
    },
  ])(
    'reads the layer shapes of $name, encoder then mirrored decoder',
    ({ config, perLayer, training }) => {
      const model = createAutoencoderModel(config);
      const layers = autoencoderLayerShapes(model);
      disposeAutoencoder(model);

      expect(layers.map(forwardMultiplyAdds)).toEqual(perLayer);
      expect(trainingFlopsPerSample(layers)).toBe(training);
    },
  );

  it('refuses a layer with weights that it does not count, naming it', () => {
    const network = tfl.sequential({
      layers: [
        tfl.layers.dense({ units: 3, inputShape: [4] }),
        tfl.layers.batchNormalization({ name: 'extra_norm' }),
      ],
    });
    expect(() => sequentialLayerShapes(network)).toThrow(ValidationError);
    expect(() => sequentialLayerShapes(network)).toThrow(/extra_norm.*BatchNormalization/);
    network.dispose();
  });
});
