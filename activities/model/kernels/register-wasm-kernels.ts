import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelConfig, KernelFunc } from '@tensorflow/tfjs-core';
import {
  BatchMatMul,
  getKernel,
  registerKernel,
  Transpose,
  unregisterKernel,
} from '@tensorflow/tfjs-core';

import { createBatchMatMulKernel } from './batch-mat-mul';
import { createConv2DBackpropFilterKernel } from './conv2d-backprop-filter';
import { createConv2DBackpropInputKernel } from './conv2d-backprop-input';
import type { MatMul } from './wasm-heap';

const ours = new WeakSet<KernelFunc>();

/**
 * Installs the project's training kernels on the wasm backend: the missing conv filter
 * gradient, and faster replacements for the transposed-operand matMul and the conv input
 * gradient. Must run after the wasm backend is initialised, because the stock kernels it
 * wraps are set up then. Calling it again is a no-op.
 */
export function registerWasmTrainingKernels(): void {
  const current = getKernel(BatchMatMul, 'wasm');
  if (current === undefined) {
    throw new Error('The wasm backend has no BatchMatMul kernel: initialise it first');
  }
  if (ours.has(current.kernelFunc)) return;

  const stockMatMul = current.kernelFunc;
  const transpose = getKernel(Transpose, 'wasm')?.kernelFunc;
  if (transpose === undefined) throw new Error('The wasm backend has no Transpose kernel');
  const matMul: MatMul = (backend: BackendWasm, a, b) =>
    stockMatMul({
      inputs: { a, b },
      backend,
      attrs: { transposeA: false, transposeB: false },
    }) as ReturnType<MatMul>;

  for (const config of [
    createBatchMatMulKernel(stockMatMul, transpose),
    createConv2DBackpropFilterKernel(matMul),
    createConv2DBackpropInputKernel(matMul, transpose),
  ]) {
    replaceKernel(config);
  }
}

function replaceKernel(config: KernelConfig): void {
  if (getKernel(config.kernelName, config.backendName) !== undefined) {
    unregisterKernel(config.kernelName, config.backendName);
  }
  registerKernel(config);
  ours.add(config.kernelFunc);
}
