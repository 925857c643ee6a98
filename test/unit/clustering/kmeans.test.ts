import { describe, expect, it } from 'vitest';

import { clusteringAccuracy } from '../../../activities/clustering/accuracy';
import { kMeans } from '../../../activities/clustering/kmeans';
import { seededRandom } from '../../../activities/clustering/seeded-random';
import { ValidationError } from '../../../events/errors';

/** `perBlob` points around each centre, spread uniformly within `radius`. */
function blobs(centres: number[][], perBlob: number, radius: number, seed: number) {
  const random = seededRandom(seed);
  const width = centres[0]!.length;
  const points = new Float32Array(centres.length * perBlob * width);
  const labels: number[] = [];
  centres.forEach((centre, label) => {
    for (let n = 0; n < perBlob; n++) {
      const row = label * perBlob + n;
      centre.forEach((x, d) => (points[row * width + d] = x + (random() * 2 - 1) * radius));
      labels.push(label);
    }
  });
  return { points, labels, count: labels.length, width };
}

const fourCorners = [
  [0, 0],
  [10, 0],
  [0, 10],
  [10, 10],
];

describe('kMeans', () => {
  it.each([1, 2, 3])('recovers four separable blobs exactly with seed %i', (seed) => {
    const { points, labels, count, width } = blobs(fourCorners, 25, 1, 7);
    const result = kMeans(points, count, width, { k: 4, seed });

    expect(clusteringAccuracy(labels, result.assignments)).toBe(1);
    const centres = Array.from({ length: 4 }, (_, c) =>
      // `+ 0` turns a rounded -0 into 0.
      Array.from(result.centroids.subarray(c * 2, c * 2 + 2), (v) => Math.round(v) + 0),
    );
    const byPosition = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]!;
    expect(centres.sort(byPosition)).toEqual([...fourCorners].sort(byPosition));
  });

  it('reports inertia as the sum of squared distances to the assigned centroids', () => {
    const points = Float32Array.from([0, 0, 2, 0, 10, 0, 12, 0]);
    const result = kMeans(points, 4, 2, { k: 2, seed: 1 });
    // Centroids (1, 0) and (11, 0): every point is 1 away.
    expect(result.inertia).toBeCloseTo(4, 6);
  });

  it('gives the same clustering for the same seed', () => {
    const { points, count, width } = blobs(fourCorners, 20, 6, 3);
    const first = kMeans(points, count, width, { k: 4, seed: 9 });
    const second = kMeans(points, count, width, { k: 4, seed: 9 });
    expect(Array.from(second.assignments)).toEqual(Array.from(first.assignments));
    expect(second.inertia).toBe(first.inertia);
  });

  it('puts every point in its own cluster when k equals the number of distinct points', () => {
    const points = Float32Array.from([0, 0, 1, 0, 5, 5, 9, 9]);
    const result = kMeans(points, 4, 2, { k: 4, seed: 2 });
    expect(new Set(result.assignments).size).toBe(4);
    expect(result.inertia).toBe(0);
  });

  it.each([
    { k: 5, count: 4, message: /k: expected an integer in 1\.\.4.*received 5/ },
    { k: 0, count: 4, message: /received 0/ },
  ])('refuses k = $k for $count points', ({ k, count, message }) => {
    const points = new Float32Array(count * 2);
    expect(() => kMeans(points, count, 2, { k, seed: 1 })).toThrow(ValidationError);
    expect(() => kMeans(points, count, 2, { k, seed: 1 })).toThrow(message);
  });

  it('refuses a point buffer whose length disagrees with count x width', () => {
    expect(() => kMeans(new Float32Array(5), 3, 2, { k: 2, seed: 1 })).toThrow(/received 5/);
  });
});
