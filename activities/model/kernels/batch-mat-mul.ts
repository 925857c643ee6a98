import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { BatchMatMulAttrs, KernelConfig, KernelFunc } from '@tensorflow/tfjs-core';
import { BatchMatMul } from '@tensorflow/tfjs-core';

import type { HeapTensor } from './wasm-heap';
import { release, transposeLastTwo } from './wasm-heap';

/**
 * BatchMatMul for the wasm backend that transposes operands up front. The stock kernel
 * is fast only without transposes (about 10x slower with one, measured on a 3136x800 by
 * 3136x64 product), and every dense and conv gradient asks for one. Copying the operand
 * costs far less than the slow path. It can go when the stock kernel handles transposes.
 */
export function createBatchMatMulKernel(stock: KernelFunc, transpose: KernelFunc): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const wasm = backend as BackendWasm;
    const { transposeA, transposeB } = attrs as unknown as BatchMatMulAttrs;
    const a = inputs.a as HeapTensor;
    const b = inputs.b as HeapTensor;
    const plainA = transposeA ? transposeLastTwo(transpose, wasm, a) : a;
    const plainB = transposeB ? transposeLastTwo(transpose, wasm, b) : b;

    const product = stock({
      inputs: { a: plainA, b: plainB },
      backend,
      attrs: { transposeA: false, transposeB: false },
    });

    if (transposeA) release(wasm, plainA);
    if (transposeB) release(wasm, plainB);
    return product;
  };
  return { kernelName: BatchMatMul, backendName: 'wasm', kernelFunc };
}
