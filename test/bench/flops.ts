import { ValidationError } from '../../events/errors';

/** The shape of one layer that does multiply-adds, per sample; other layers cost nothing. */
export type LayerShape =
  | {
      kind: 'conv2d';
      outputHeight: number;
      outputWidth: number;
      kernelHeight: number;
      kernelWidth: number;
      inputChannels: number;
      outputChannels: number;
    }
  | {
      kind: 'conv2dTranspose';
      inputHeight: number;
      inputWidth: number;
      kernelHeight: number;
      kernelWidth: number;
      inputChannels: number;
      outputChannels: number;
    }
  | { kind: 'dense'; inputUnits: number; outputUnits: number };

/**
 * A training step costs about three forward passes: the forward itself, the gradient with
 * respect to the layer inputs and the gradient with respect to the weights, each doing the
 * same multiply-adds. The usual estimate; it ignores that the first layer needs no input
 * gradient, and the elementwise work (activations, loss, Adam), which is small beside it.
 */
export const trainingPassesPerForward = 3;

/**
 * Multiply-adds of one layer's forward pass for one sample. A convolution does a full
 * kernel of work at every output position. A transposed convolution is counted from its
 * input: every input value is spread through a full kernel, which is the useful work;
 * taps that land in the cropped 'same' padding are counted too, as the kernel does them.
 */
export function forwardMultiplyAdds(layer: LayerShape): number {
  switch (layer.kind) {
    case 'conv2d':
      return (
        layer.outputHeight *
        layer.outputWidth *
        layer.kernelHeight *
        layer.kernelWidth *
        layer.inputChannels *
        layer.outputChannels
      );
    case 'conv2dTranspose':
      return (
        layer.inputHeight *
        layer.inputWidth *
        layer.kernelHeight *
        layer.kernelWidth *
        layer.inputChannels *
        layer.outputChannels
      );
    case 'dense':
      return layer.inputUnits * layer.outputUnits;
    default:
      return unknownLayer(layer);
  }
}

/** Floating-point operations of a forward pass for one sample: two per multiply-add. */
export function forwardFlopsPerSample(layers: readonly LayerShape[]): number {
  return 2 * layers.reduce((sum, layer) => sum + forwardMultiplyAdds(layer), 0);
}

/** Estimated floating-point operations of one training sample (forward and backward). */
export function trainingFlopsPerSample(layers: readonly LayerShape[]): number {
  return trainingPassesPerForward * forwardFlopsPerSample(layers);
}

function unknownLayer(layer: never): never {
  throw new ValidationError(
    `layer: expected kind conv2d, conv2dTranspose or dense, received ${JSON.stringify(layer)}`,
  );
}
