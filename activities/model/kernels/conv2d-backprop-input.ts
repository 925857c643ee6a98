import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { Conv2DBackpropInputAttrs, KernelConfig, KernelFunc } from '@tensorflow/tfjs-core';
import { Conv2DBackpropInput } from '@tensorflow/tfjs-core';

import { convGeometry } from './conv-geometry';
import type { PatchGeometry } from './patch-matrix';
import { foldPatches, patchRows, patchWidth } from './patch-matrix';
import { phasesOf, scatterPhase, writePhaseFilter, writePhasePatches } from './phase-patches';
import type { HeapTensor, MatMul } from './wasm-heap';
import { allocate, heapView, release, reshaped, transposeLastTwo } from './wasm-heap';

type Shape4 = [number, number, number, number];

/**
 * The conv2d input gradient, which is also the forward pass of a transposed convolution
 * (the decoder's layers). The stock wasm kernel is a direct loop, 5-10x slower than these
 * two matMul formulations. The backend multiplies fast only when the inner dimension is
 * long, so the kernel picks by shape (measured at batch 32, ms):
 * - fold: dy W^T gives the [pixels, taps] patch matrix, folded back onto the input
 *   (col2im). Inner dimension outChannels: good from 64 output channels, or when the
 *   input has so few channels that the other way degenerates to a matrix-vector product
 *   (28x28x1 <- 14x14x16: 2.4 fold vs 11 phases).
 * - phases: each stride phase of the input is reached by its own subset of taps, and is
 *   one product with inner dimension taps x outChannels (14x14x16 <- 7x7x32: 6 vs 14.5).
 */
export function createConv2DBackpropInputKernel(
  matMul: MatMul,
  transpose: KernelFunc,
): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const wasm = backend as BackendWasm;
    const convAttrs = attrs as unknown as Conv2DBackpropInputAttrs;
    const dy = inputs.dy as HeapTensor;
    const filter = inputs.filter as HeapTensor;
    const { geometry, outChannels } = convGeometry(
      convAttrs.inputShape,
      filter.shape as Shape4,
      convAttrs,
    );
    const context = { wasm, matMul, geometry, outChannels, dy, filter };

    const byPhases = geometry.inChannels >= 8 && outChannels < 64;
    return byPhases
      ? gradientByPhases(context, convAttrs.inputShape)
      : gradientByFolding(context, convAttrs.inputShape, transpose);
  };
  return { kernelName: Conv2DBackpropInput, backendName: 'wasm', kernelFunc };
}

interface GradientContext {
  wasm: BackendWasm;
  matMul: MatMul;
  geometry: PatchGeometry;
  outChannels: number;
  dy: HeapTensor;
  filter: HeapTensor;
}

function gradientByFolding(
  { wasm, matMul, geometry, outChannels, dy, filter }: GradientContext,
  inputShape: Shape4,
  transpose: KernelFunc,
): HeapTensor {
  const rows = patchRows(geometry);
  const taps = patchWidth(geometry);

  const filterByChannel = transposeLastTwo(transpose, wasm, reshaped(filter, [taps, outChannels]));
  const patches = matMul(wasm, reshaped(dy, [rows, outChannels]), filterByChannel);
  const dx = allocate(wasm, inputShape);
  foldPatches(heapView(wasm, patches), geometry, heapView(wasm, dx));
  release(wasm, filterByChannel, patches);

  return dx;
}

function gradientByPhases(
  { wasm, matMul, geometry, outChannels, dy, filter }: GradientContext,
  inputShape: Shape4,
): HeapTensor {
  // Pixels no tap reaches (a filter smaller than the stride) keep this zero.
  const dx = allocate(wasm, inputShape);
  heapView(wasm, dx).fill(0);

  for (const phase of phasesOf(geometry)) {
    const pixels = geometry.batch * phase.rows.length * phase.cols.length;
    const depth = phase.filterRows.length * phase.filterCols.length * outChannels;
    const patches = allocate(wasm, [pixels, depth]);
    const weights = allocate(wasm, [depth, geometry.inChannels]);
    writePhasePatches(heapView(wasm, dy), geometry, outChannels, phase, heapView(wasm, patches));
    writePhaseFilter(heapView(wasm, filter), geometry, outChannels, phase, heapView(wasm, weights));
    const product = matMul(wasm, patches, weights);
    scatterPhase(heapView(wasm, product), geometry, phase, heapView(wasm, dx));
    release(wasm, patches, weights, product);
  }
  return dx;
}
