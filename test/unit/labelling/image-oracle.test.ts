import { describe, expect, it } from 'vitest';
import { syntheticClassOracle } from '../../../activities/labelling/image-oracle';
import { nearestRows } from '../../../activities/labelling/nearest-rows';
import { ValidationError } from '../../../events/errors';

const images = (...rows: [number, number][]) => Float32Array.from(rows.flat());

// Class 0 around the origin, class 1 around (10, 10).
const reference = {
  pixels: images([0, 0], [0, 1], [1, 0], [10, 10], [10, 9], [9, 10]),
  width: 2,
  truth: [0, 0, 0, 1, 1, 1],
};

describe('nearestRows', () => {
  it.each([
    { target: [0, 0], k: 3, among: undefined, rows: [0, 1, 2] },
    { target: [0.9, 0.1], k: 2, among: undefined, rows: [2, 0] },
    { target: [0.5, 0.5], k: 6, among: undefined, rows: [0, 1, 2, 4, 5, 3] },
    { target: [9, 9], k: 2, among: [0, 1, 2], rows: [1, 2] },
    { target: [0, 0], k: 10, among: [4, 3], rows: [4, 3] },
    { target: [0.5, 0.5], k: 2, among: [5, 4], rows: [4, 5] },
  ])('finds $rows nearest $target (k $k, among $among)', ({ target, k, among, rows }) => {
    expect(nearestRows(reference.pixels, 2, target, k, among)).toEqual(rows);
  });
});

describe('syntheticClassOracle', () => {
  it.each([
    { sample: [1, 1], k: 3, trueClass: 0 },
    { sample: [9, 9], k: 3, trueClass: 1 },
    // Nearest five: (0, 1) and (1, 0) at 5, (0, 0) at 5.7, then two of class 1 at 7.8.
    { sample: [4, 4], k: 5, trueClass: 0 },
    // Two of each class among the four nearest: the class of the nearest decides.
    { sample: [5.1, 5.1], k: 4, trueClass: 1 },
    { sample: [4.9, 4.9], k: 4, trueClass: 0 },
  ])('calls $sample class $trueClass from its $k nearest images', ({ sample, k, trueClass }) => {
    const oracle = syntheticClassOracle(reference, k);
    expect(oracle(Float32Array.from(sample))).toBe(trueClass);
  });

  it.each([
    { case: 'k above the image count', given: reference, k: 7 },
    { case: 'a class missing', given: { ...reference, truth: [0, 0, 0, 1, 1] }, k: 5 },
    { case: 'a partial image', given: { ...reference, width: 4 }, k: 1 },
  ])('refuses $case', ({ given, k }) => {
    expect(() => syntheticClassOracle(given, k)).toThrow(ValidationError);
  });

  it('refuses a sample of another size than the reference images', () => {
    expect(() => syntheticClassOracle(reference)(new Float32Array(3))).toThrow(
      'sample: expected 2 pixels like the reference images, received 3',
    );
  });
});
