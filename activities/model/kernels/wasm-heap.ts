import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';

/** A float32 tensor living on the WebAssembly heap, as kernels pass them around. */
export type HeapTensor = TensorInfo;

/** Multiplies two row-major matrices on the wasm backend: [m, k] x [k, n] -> [m, n]. */
export type MatMul = (backend: BackendWasm, a: HeapTensor, b: HeapTensor) => HeapTensor;

export function allocate(backend: BackendWasm, shape: number[]): HeapTensor {
  return backend.makeOutput(shape, 'float32');
}

/**
 * A view of the tensor's bytes on the heap. Any later allocation may grow the heap and
 * detach this view, so take views only after the last allocation they must survive.
 */
export function heapView(backend: BackendWasm, tensor: HeapTensor): Float32Array {
  return backend.typedArrayFromHeap(tensor) as Float32Array;
}

export function release(backend: BackendWasm, ...tensors: HeapTensor[]): void {
  for (const tensor of tensors) backend.disposeData(tensor.dataId);
}

/** The same bytes seen with another shape of equal size; owns nothing of its own. */
export function reshaped(tensor: HeapTensor, shape: number[]): HeapTensor {
  return { dataId: tensor.dataId, shape, dtype: tensor.dtype };
}

/** Swaps the last two axes with the backend's own Transpose kernel (a fresh tensor). */
export function transposeLastTwo(
  transpose: KernelFunc,
  backend: BackendWasm,
  tensor: HeapTensor,
): HeapTensor {
  const rank = tensor.shape.length;
  const perm = [...Array(rank).keys()];
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return transpose({ inputs: { x: tensor }, backend, attrs: { perm } }) as HeapTensor;
}
