import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { Conv2DBackpropFilterAttrs, KernelConfig, KernelFunc } from '@tensorflow/tfjs-core';
import { Conv2DBackpropFilter } from '@tensorflow/tfjs-core';

import { convGeometry } from './conv-geometry';
import { patchRows, patchWidth, writePatches } from './patch-matrix';
import type { HeapTensor, MatMul } from './wasm-heap';
import { allocate, heapView, release, reshaped, transposeLastTwo } from './wasm-heap';

type Shape4 = [number, number, number, number];

/**
 * The conv2d filter gradient, missing from the wasm backend: with the patch matrix P of
 * the input ([pixels, taps]) and dy as [pixels, outChannels], dW = (dy^T P)^T. It is
 * computed as dy^T times P rather than P^T times dy because the backend's matMul is fast
 * only on untransposed operands, and dy is far smaller than P to transpose.
 */
export function createConv2DBackpropFilterKernel(
  matMul: MatMul,
  transpose: KernelFunc,
): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const wasm = backend as BackendWasm;
    const convAttrs = attrs as unknown as Conv2DBackpropFilterAttrs;
    const x = inputs.x as HeapTensor;
    const dy = inputs.dy as HeapTensor;
    const { geometry, outChannels } = convGeometry(
      x.shape as Shape4,
      convAttrs.filterShape,
      convAttrs,
    );
    const rows = patchRows(geometry);
    const taps = patchWidth(geometry);

    const patches = allocate(wasm, [rows, taps]);
    writePatches(heapView(wasm, x), geometry, heapView(wasm, patches));
    const dyByChannel = transposeLastTwo(transpose, wasm, reshaped(dy, [rows, outChannels]));
    const gradientByChannel = matMul(wasm, dyByChannel, patches);
    const gradient = transposeLastTwo(transpose, wasm, gradientByChannel);
    release(wasm, patches, dyByChannel, gradientByChannel);

    return reshaped(gradient, convAttrs.filterShape);
  };
  return { kernelName: Conv2DBackpropFilter, backendName: 'wasm', kernelFunc };
}
