import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { Conv2DBackpropFilterAttrs, KernelConfig, KernelFunc } from '@tensorflow/tfjs-core';
import { Conv2DBackpropFilter } from '@tensorflow/tfjs-core';

import { convGeometry } from './conv-geometry';
import { patchRows, patchWidth, writeTransposedPatches } from './patch-matrix';
import type { HeapTensor, MatMul } from './wasm-heap';
import { allocate, heapView, release, reshaped } from './wasm-heap';

type Shape4 = [number, number, number, number];

/**
 * The conv2d filter gradient, missing from the wasm backend: with the patch matrix P of
 * the input ([pixels, taps]) and dy as [pixels, outChannels], dW = P^T dy, already in the
 * filter's [taps, outChannels] layout. P^T is written directly, as the left operand: the
 * backend packs its right operand anew for every new tensor, and packing P cost more than
 * the product (11 against 3.2 ms for 14x14x16 -> 7x7x32 at batch 64; dy packs in a blink).
 */
export function createConv2DBackpropFilterKernel(matMul: MatMul): KernelConfig {
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

    const transposedPatches = allocate(wasm, [taps, rows]);
    writeTransposedPatches(heapView(wasm, x), geometry, heapView(wasm, transposedPatches));
    const gradient = matMul(wasm, transposedPatches, reshaped(dy, [rows, outChannels]));
    release(wasm, transposedPatches);

    return reshaped(gradient, convAttrs.filterShape);
  };
  return { kernelName: Conv2DBackpropFilter, backendName: 'wasm', kernelFunc };
}
