import type { Conv2DBackpropFilterAttrs } from '@tensorflow/tfjs-core';
import { backend_util } from '@tensorflow/tfjs-core';

import type { PatchGeometry } from './patch-matrix';

type Shape4 = [number, number, number, number];
type ConvAttrs = Pick<Conv2DBackpropFilterAttrs, 'strides' | 'pad' | 'dataFormat'> & {
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
};

/**
 * The patch geometry of a convolution of `inputShape` by `filterShape`, computed by
 * tfjs-core itself so padding and rounding agree with every other backend.
 * Only NHWC without dilation is supported, which is all the autoencoder uses.
 */
export function convGeometry(inputShape: Shape4, filterShape: Shape4, attrs: ConvAttrs) {
  if (attrs.dataFormat !== 'NHWC') {
    throw new Error(`wasm training kernels support NHWC only, received ${attrs.dataFormat}`);
  }
  const info = backend_util.computeConv2DInfo(
    inputShape,
    filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    'channelsLast',
  );
  const geometry: PatchGeometry = {
    batch: info.batchSize,
    inHeight: info.inHeight,
    inWidth: info.inWidth,
    inChannels: info.inChannels,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    filterHeight: info.filterHeight,
    filterWidth: info.filterWidth,
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
    top: info.padInfo.top,
    left: info.padInfo.left,
  };
  return { geometry, outChannels: info.outChannels };
}
