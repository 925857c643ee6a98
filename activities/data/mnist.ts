import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { ValidationError } from '../../events/errors';
import type { Digits } from './image-set';

const pixelsPerDigit = 28 * 28;

interface DigitRef {
  label: number;
  index: number;
}

let cache: { pixels: Float32Array[]; order: DigitRef[] } | undefined;

/**
 * The `mnist` package's 10,000 real digits (about 1,000 per class, pixels in [0, 1]).
 * Digits come in one fixed class-interleaved order: 0, 1, ..., 9, then each class's second
 * digit, and so on, skipping a class once it runs out (digit 5 has the fewest, 863). So
 * the first N digits are balanced up to N = 8,630, any `count` is deterministic, and
 * `offset` selects a disjoint later slice of the same order.
 */
export function loadMnistDigits(request: { count: number; offset?: number }): Digits {
  const { pixels, order } = loadAll();
  const offset = request.offset ?? 0;
  const { count } = request;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new ValidationError(`offset: expected an integer >= 0, received ${offset}`);
  }
  if (!Number.isInteger(count) || count < 1 || offset + count > order.length) {
    throw new ValidationError(
      `count: expected an integer in 1..${order.length - offset} at offset ${offset}, ` +
        `received ${count}`,
    );
  }

  const images = new Float32Array(count * pixelsPerDigit);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const { label, index } = order[offset + i]!;
    const from = index * pixelsPerDigit;
    images.set(pixels[label]!.subarray(from, from + pixelsPerDigit), i * pixelsPerDigit);
    labels[i] = label;
  }
  return { images, labels, count, width: 28, height: 28, channels: 1 };
}

/** Total digits available. */
export function mnistDigitCount(): number {
  return loadAll().order.length;
}

function loadAll() {
  if (cache !== undefined) return cache;

  const require = createRequire(import.meta.url);
  const pixels = Array.from({ length: 10 }, (_, label) => {
    const path = require.resolve(`mnist/src/digits/${label}.json`);
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { data: number[] };
    return Float32Array.from(parsed.data);
  });
  cache = { pixels, order: interleave(pixels.map((p) => p.length / pixelsPerDigit)) };
  return cache;
}

function interleave(classSizes: number[]): DigitRef[] {
  const order: DigitRef[] = [];
  const rounds = Math.max(...classSizes);
  for (let index = 0; index < rounds; index++) {
    classSizes.forEach((size, label) => {
      if (index < size) order.push({ label, index });
    });
  }
  return order;
}
