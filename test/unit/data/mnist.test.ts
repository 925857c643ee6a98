import { describe, expect, it } from 'vitest';

import { loadMnistDigits, mnistDigitCount } from '../../../activities/data/mnist';
import { validateImages } from '../../../activities/data/validate-images';
import { ValidationError } from '../../../events/errors';

const mnistShape = { width: 28, height: 28, channels: 1 };

describe('loadMnistDigits', () => {
  it('loads the first N digits class-interleaved, so any multiple of ten is balanced', () => {
    const digits = loadMnistDigits({ count: 200 });
    expect(digits.images.length).toBe(200 * 784);
    expect(Array.from(digits.labels.subarray(0, 12))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
    const perClass = Array.from(
      { length: 10 },
      (_, d) => digits.labels.filter((l) => l === d).length,
    );
    expect(perClass).toEqual(new Array(10).fill(20));
  });

  it('returns real pixels in [0, 1] that pass validation', () => {
    const digits = loadMnistDigits({ count: 50 });
    expect(() => validateImages(digits, mnistShape)).not.toThrow();
    const inked = digits.images.filter((p) => p > 0.5).length / digits.images.length;
    // Handwritten digits cover roughly a tenth to a fifth of the frame.
    expect(inked).toBeGreaterThan(0.05);
    expect(inked).toBeLessThan(0.3);
  });

  it('gives the same digits on every call, and offset continues the same order', () => {
    const first = loadMnistDigits({ count: 30 });
    const again = loadMnistDigits({ count: 30 });
    const later = loadMnistDigits({ count: 10, offset: 20 });
    expect(again.images).toEqual(first.images);
    expect(later.images).toEqual(first.images.subarray(20 * 784, 30 * 784));
    expect(later.labels).toEqual(first.labels.subarray(20, 30));
  });

  it('offers all 10,000 digits', () => {
    expect(mnistDigitCount()).toBe(10_000);
    const tail = loadMnistDigits({ count: 1, offset: 9_999 });
    expect(tail.count).toBe(1);
  });

  it.each([
    { request: { count: 0 }, message: /count: expected an integer in 1\.\.10000.*received 0/ },
    { request: { count: 10, offset: 9_995 }, message: /1\.\.5 at offset 9995, received 10/ },
    { request: { count: 1.5 }, message: /received 1.5/ },
    { request: { count: 5, offset: -1 }, message: /offset: expected an integer >= 0/ },
  ])('refuses $request', ({ request, message }) => {
    expect(() => loadMnistDigits(request)).toThrow(ValidationError);
    expect(() => loadMnistDigits(request)).toThrow(message);
  });
});

describe('validateImages', () => {
  const good = () => ({ images: new Float32Array(2 * 784).fill(0.5), count: 2, ...mnistShape });

  it.each([
    {
      name: 'an empty set',
      change: { count: 0, images: new Float32Array(0) },
      message: /at least one image, received count 0/,
    },
    {
      name: 'the wrong size',
      change: { width: 32, height: 32 },
      message: /expected 28x28 images, received 32x32/,
    },
    {
      name: 'three channels',
      change: { channels: 3 },
      message: /expected 1 channel\(s\), received 3/,
    },
    {
      name: 'a short buffer',
      change: { images: new Float32Array(784) },
      message: /expected 1568 values.*received 784/,
    },
  ])('refuses $name, naming the input', ({ change, message }) => {
    const set = { ...good(), ...change };
    expect(() => validateImages(set, mnistShape, 'dataset')).toThrow(ValidationError);
    expect(() => validateImages(set, mnistShape, 'dataset')).toThrow(/^dataset: /);
    expect(() => validateImages(set, mnistShape, 'dataset')).toThrow(message);
  });

  it.each([
    { name: 'NaN', value: Number.NaN },
    { name: 'a raw byte value', value: 255 },
    { name: 'a negative value', value: -0.1 },
  ])('refuses a pixel that is $name, naming the pixel and image', ({ value }) => {
    const set = good();
    set.images[784 + 3] = value;
    expect(() => validateImages(set, mnistShape)).toThrow(
      new RegExp(`pixel 787 of image 1 is ${value}`),
    );
  });
});
