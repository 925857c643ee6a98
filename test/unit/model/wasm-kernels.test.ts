import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seededRandom } from '../../../activities/clustering/seeded-random';
import { initModelBackend } from '../../../activities/model/backend';

type Shape4 = [number, number, number, number];

interface ConvCase {
  name: string;
  input: Shape4;
  filter: Shape4;
  stride: number;
  pad: 'same' | 'valid';
}

const convCases: ConvCase[] = [
  {
    name: '5x5 stride 2 same, 1 channel',
    input: [3, 28, 28, 1],
    filter: [5, 5, 1, 4],
    stride: 2,
    pad: 'same',
  },
  {
    name: '3x3 stride 2 same, odd size',
    input: [2, 7, 7, 6],
    filter: [3, 3, 6, 5],
    stride: 2,
    pad: 'same',
  },
  {
    name: '3x3 stride 1 valid',
    input: [2, 9, 8, 3],
    filter: [3, 3, 3, 2],
    stride: 1,
    pad: 'valid',
  },
  {
    name: '4x4 stride 2 valid',
    input: [1, 12, 12, 2],
    filter: [4, 4, 2, 3],
    stride: 2,
    pad: 'valid',
  },
  // From 8 input channels the input gradient is computed per stride phase.
  {
    name: 'phases: 5x5 stride 2 same, 8 channels',
    input: [2, 14, 14, 8],
    filter: [5, 5, 8, 6],
    stride: 2,
    pad: 'same',
  },
  {
    name: 'phases: 3x3 stride 1 same, odd sizes',
    input: [1, 6, 5, 9],
    filter: [3, 3, 9, 4],
    stride: 1,
    pad: 'same',
  },
  {
    name: 'phases: 2x2 stride 3 valid, pixels no tap reaches',
    input: [2, 9, 9, 8],
    filter: [2, 2, 8, 3],
    stride: 3,
    pad: 'valid',
  },
];

function randomValues(size: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  return Float32Array.from({ length: size }, () => random() * 2 - 1);
}

/** Runs `compute` on a backend from plain arrays and returns plain arrays. */
async function on(backend: 'wasm' | 'cpu', compute: () => tf.Tensor[]): Promise<Float32Array[]> {
  await initModelBackend(backend);
  const tensors = compute();
  const values = tensors.map((t) => t.dataSync() as Float32Array);
  tf.dispose(tensors);
  return values;
}

function expectClose(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  const scale = Math.max(1, ...Array.from(expected, Math.abs));
  const worst = Math.max(...Array.from(actual, (v, i) => Math.abs(v - expected[i]!)));
  expect(worst / scale).toBeLessThan(1e-4);
}

function convGradients(c: ConvCase) {
  return () => {
    const x = tf.tensor4d(randomValues(tf.util.sizeFromShape(c.input), 1), c.input);
    const w = tf.tensor4d(randomValues(tf.util.sizeFromShape(c.filter), 2), c.filter);
    const probe = tf.conv2d(x, w, c.stride, c.pad);
    const r = tf.tensor(randomValues(probe.size, 3), probe.shape);
    const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad), r)),
    )([x, w]);
    tf.dispose([x, w, probe, r]);
    return grads;
  };
}

/** The decoder's transposed convolution: forward and both gradients. */
function transposedConvGradients(c: ConvCase) {
  return () => {
    const probe = tf.conv2d(
      tf.zeros(c.input) as tf.Tensor4D,
      tf.zeros(c.filter) as tf.Tensor4D,
      c.stride,
      c.pad,
    );
    const dy = tf.tensor4d(randomValues(probe.size, 4), probe.shape as Shape4);
    const w = tf.tensor4d(randomValues(tf.util.sizeFromShape(c.filter), 5), c.filter);
    const r = tf.tensor4d(randomValues(tf.util.sizeFromShape(c.input), 6), c.input);
    const forward = tf.conv2dTranspose(dy, w, c.input, c.stride, c.pad);
    const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(
        tf.mul(tf.conv2dTranspose(a as tf.Tensor4D, b as tf.Tensor4D, c.input, c.stride, c.pad), r),
      ),
    )([dy, w]);
    tf.dispose([probe, dy, w, r]);
    return [forward, ...grads];
  };
}

describe('wasm training kernels', () => {
  beforeAll(async () => {
    await initModelBackend('wasm');
  });
  afterAll(async () => {
    await initModelBackend('wasm');
  });

  it.each(convCases)(
    'conv2d input and filter gradients match the cpu backend: $name',
    async (c) => {
      const expected = await on('cpu', convGradients(c));
      const actual = await on('wasm', convGradients(c));
      actual.forEach((values, i) => expectClose(values, expected[i]!));
    },
  );

  it.each(convCases)(
    'transposed conv2d and its gradients match the cpu backend: $name',
    async (c) => {
      const expected = await on('cpu', transposedConvGradients(c));
      const actual = await on('wasm', transposedConvGradients(c));
      actual.forEach((values, i) => expectClose(values, expected[i]!));
    },
  );

  it.each([
    { transposeA: false, transposeB: false },
    { transposeA: true, transposeB: false },
    { transposeA: false, transposeB: true },
    { transposeA: true, transposeB: true },
  ])(
    'matMul with transposeA=$transposeA transposeB=$transposeB matches the cpu backend',
    async (t) => {
      const product = () => {
        const a = tf.tensor3d(randomValues(2 * 5 * 7, 7), t.transposeA ? [2, 7, 5] : [2, 5, 7]);
        const b = tf.tensor3d(randomValues(2 * 7 * 3, 8), t.transposeB ? [2, 3, 7] : [2, 7, 3]);
        const out = tf.matMul(a, b, t.transposeA, t.transposeB);
        tf.dispose([a, b]);
        return [out];
      };
      const expected = await on('cpu', product);
      const actual = await on('wasm', product);
      expect(actual[0]!.length).toBe(2 * 5 * 3);
      expectClose(actual[0]!, expected[0]!);
    },
  );

  it('registering the kernels twice keeps one working set', async () => {
    await initModelBackend('wasm');
    await initModelBackend('wasm');
    const expected = await on('cpu', convGradients(convCases[0]!));
    const actual = await on('wasm', convGradients(convCases[0]!));
    expectClose(actual[1]!, expected[1]!);
  });
});
