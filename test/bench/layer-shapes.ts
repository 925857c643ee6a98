import type * as tfl from '@tensorflow/tfjs-layers';

import type { Autoencoder } from '../../activities/model/autoencoder';
import { createAutoencoderModel } from '../../activities/model/autoencoder';
import { disposeAutoencoder } from '../../activities/model/trained-model';
import { ValidationError } from '../../events/errors';
import type { BenchResult } from './bench-result';
import type { LayerShape } from './flops';
import { forwardFlopsPerSample, trainingFlopsPerSample } from './flops';

/** Layers that only move values around; they do no multiply-adds. */
const freeLayers = new Set(['Flatten', 'Reshape']);

/** The costly layers of the encoder then the decoder, read off the built model. */
export function autoencoderLayerShapes(model: Autoencoder): LayerShape[] {
  return [...sequentialLayerShapes(model.encoder), ...sequentialLayerShapes(model.decoder)];
}

/**
 * Each layer's input shape is the previous layer's output shape (the model's input for the
 * first), which is what a transposed convolution is counted from. A layer with weights of
 * a kind not counted here is refused, so that a new layer cannot go missing from the sum.
 */
export function sequentialLayerShapes(network: tfl.Sequential): LayerShape[] {
  const shapes: LayerShape[] = [];
  let input = network.inputs[0]!.shape;
  for (const layer of network.layers) {
    const output = layer.outputShape as (number | null)[];
    const kernel = (layer.weights[0]?.shape ?? []).map((side) => side ?? 0);
    const name = layer.getClassName();
    const shape = layerShape(name, input, output, kernel);
    if (shape !== undefined) shapes.push(shape);
    else if (!freeLayers.has(name)) {
      throw new ValidationError(
        `layer ${layer.name}: expected Conv2D, Conv2DTranspose, Dense, Flatten or Reshape, ` +
          `received ${name}`,
      );
    }
    input = output;
  }
  return shapes;
}

/** Kernels are [h, w, in, out] for Conv2D, [h, w, out, in] for Conv2DTranspose (tfjs). */
function layerShape(
  name: string,
  input: (number | null)[],
  output: (number | null)[],
  kernel: number[],
): LayerShape | undefined {
  const [kernelHeight = 0, kernelWidth = 0, third = 0, fourth = 0] = kernel;
  switch (name) {
    case 'Conv2D':
      return {
        kind: 'conv2d',
        outputHeight: output[1]!,
        outputWidth: output[2]!,
        kernelHeight,
        kernelWidth,
        inputChannels: third,
        outputChannels: fourth,
      };
    case 'Conv2DTranspose':
      return {
        kind: 'conv2dTranspose',
        inputHeight: input[1]!,
        inputWidth: input[2]!,
        kernelHeight,
        kernelWidth,
        inputChannels: fourth,
        outputChannels: third,
      };
    case 'Dense':
      return { kind: 'dense', inputUnits: kernelHeight, outputUnits: kernelWidth };
    default:
      return undefined;
  }
}

/** FLOP estimates of the default autoencoder with a k-unit embedding, from its shapes. */
export function autoencoderFlops(embeddingSize: number): BenchResult['flops'] {
  const model = createAutoencoderModel({ embeddingSize });
  try {
    const layers = autoencoderLayerShapes(model);
    return {
      trainingPerSample: trainingFlopsPerSample(layers),
      encoderForwardPerSample: forwardFlopsPerSample(sequentialLayerShapes(model.encoder)),
      layers,
    };
  } finally {
    disposeAutoencoder(model);
  }
}
