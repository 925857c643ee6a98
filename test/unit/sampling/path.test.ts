import { describe, expect, it } from 'vitest';

import { pathBetweenCentroids } from '../../../activities/sampling/path';
import { ValidationError } from '../../../events/errors';

const latent = (...values: number[]) => Float32Array.from(values);
const rows = (...points: [number, number][]) => ({
  points: Float32Array.from(points.flat()),
  count: points.length,
  width: 2,
});

// A U of 31 points one apart: down the left side from (0, 10) to (0, 0), along the bottom
// to (10, 0), up the right side to (10, 10). Point i is the i-th along the U.
const uShape = rows(
  ...Array.from({ length: 10 }, (_, i): [number, number] => [0, 10 - i]),
  ...Array.from({ length: 11 }, (_, i): [number, number] => [i, 0]),
  ...Array.from({ length: 10 }, (_, i): [number, number] => [10, i + 1]),
);

describe('pathBetweenCentroids', () => {
  it('follows the data around a U instead of cutting across the gap', () => {
    const { points, count, width } = uShape;
    const path = pathBetweenCentroids(
      points,
      count,
      width,
      { from: latent(0.2, 10.3), to: latent(9.9, 10.4) },
      3,
    );

    // Three neighbours join points up to 3 apart along the U, never across its 10-wide
    // mouth: the path runs down, along and up, cutting each corner by a diagonal (two unit
    // steps become one of sqrt 2): 26 + 2 sqrt 2 long, symmetric, so halfway is the bottom's
    // middle. Ties between equally long hops make the exact points a detail.
    expect(path.indices[0]).toBe(0);
    expect(path.indices.at(-1)).toBe(30);
    expect(path.indices).toEqual([...path.indices].sort((a, b) => a - b));
    expect(path.length).toBeCloseTo(26 + 2 * Math.SQRT2, 6);
    expect(Array.from(path.midpoint)).toEqual([5, 0]);
    expect(path.throughData).toBe(true);
  });

  it('interpolates the midpoint inside a step when halfway falls between two points', () => {
    // Steps of 1 and 3: length 4, halfway at 2 lies one unit into the second step.
    const { points, count, width } = rows([0, 0], [1, 0], [4, 0]);
    const path = pathBetweenCentroids(
      points,
      count,
      width,
      { from: latent(-1, 0), to: latent(5, 0) },
      1,
    );

    expect(path.indices).toEqual([0, 1, 2]);
    expect(path.length).toBe(4);
    expect(Array.from(path.midpoint)).toEqual([2, 0]);
  });

  it('falls back to the straight segment between the end points when the graph is split', () => {
    // One neighbour each: {0, 1} and {2, 3} are two components.
    const { points, count, width } = rows([0, 0], [1, 0], [10, 0], [11, 0]);
    const path = pathBetweenCentroids(
      points,
      count,
      width,
      { from: latent(0, 1), to: latent(11, 1) },
      1,
    );

    expect(path).toEqual({
      indices: [0, 3],
      length: 11,
      midpoint: latent(5.5, 0),
      throughData: false,
    });
  });

  it('is a single point when both centroids are nearest the same point', () => {
    const { points, count, width } = rows([0, 0], [5, 5]);
    const path = pathBetweenCentroids(
      points,
      count,
      width,
      { from: latent(4, 4), to: latent(6, 6) },
      1,
    );
    expect(path).toEqual({ indices: [1], length: 0, midpoint: latent(5, 5), throughData: true });
  });

  it.each([
    { case: 'no neighbours', neighbours: 0, to: latent(1, 1), message: /neighbours.*received 0/ },
    { case: 'a short centroid', neighbours: 1, to: latent(1), message: /centroids\.to.*2 values/ },
    { case: 'a NaN centroid', neighbours: 1, to: latent(1, NaN), message: /NaN at dimension 1/ },
  ])('refuses $case', ({ neighbours, to, message }) => {
    const { points, count, width } = rows([0, 0], [1, 1]);
    const run = () =>
      pathBetweenCentroids(points, count, width, { from: latent(0, 0), to }, neighbours);
    expect(run).toThrow(ValidationError);
    expect(run).toThrow(message);
  });
});
