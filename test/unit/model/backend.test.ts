import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';

import type { ModelBackendChoice } from '../../../activities/model/backend';
import { initModelBackend } from '../../../activities/model/backend';
import { ValidationError } from '../../../events/errors';

const nativeInstalled = await import(/* @vite-ignore */ '@tensorflow/tfjs-node'.toString()).then(
  () => true,
  () => false,
);

describe('initModelBackend', () => {
  it.each([
    { preferred: 'wasm', expected: 'wasm' },
    { preferred: 'cpu', expected: 'cpu' },
  ] as { preferred: ModelBackendChoice; expected: string }[])(
    'activates $preferred when asked',
    async ({ preferred, expected }) => {
      expect(await initModelBackend(preferred)).toBe(expected);
      expect(tf.getBackend()).toBe(expected);
    },
  );

  it.skipIf(nativeInstalled)(
    'falls back to WebAssembly when the native bindings are not installed, and says so',
    async () => {
      const logged: Record<string, unknown>[] = [];
      const name = await initModelBackend(undefined, (_message, fields) => logged.push(fields));
      expect(name).toBe('wasm');
      expect(logged).toEqual([{ backend: 'wasm', preferred: 'auto' }]);
      expect(await initModelBackend('node-gpu')).toBe('wasm');
    },
  );

  it('trains a conv layer on wasm after repeated initialisation', async () => {
    await initModelBackend('wasm');
    await initModelBackend('wasm');
    const filter = tf.variable(tf.ones([3, 3, 1, 2]));
    const image = tf.ones([1, 5, 5, 1]) as tf.Tensor4D;
    const grad = tf.grad((f: tf.Tensor) => tf.sum(tf.conv2d(image, f as tf.Tensor4D, 1, 'valid')));
    // Each of the 3x3 output pixels sees every tap once: every filter gradient is 9.
    const gradient = grad(filter);
    expect(Array.from(gradient.dataSync())).toEqual(new Array(18).fill(9));
    tf.dispose([filter, image, gradient]);
  });

  it('refuses an unknown backend name', async () => {
    await expect(initModelBackend('tpu' as ModelBackendChoice)).rejects.toThrow(ValidationError);
    await expect(initModelBackend('tpu' as ModelBackendChoice)).rejects.toThrow(
      /one of node-gpu, node, wasm, cpu, received tpu/,
    );
  });
});
