import { describe, expect, it } from 'vitest';
import { pairPath } from '../../../activities/labelling/pair-path';
import { ValidationError } from '../../../events/errors';

const rows = (...points: [number, number][]) => ({
  points: Float32Array.from(points.flat()),
  count: points.length,
});

// Eleven points one apart on the x axis: point i at (i, 0).
const line = rows(...Array.from({ length: 11 }, (_, i): [number, number] => [i, 0]));
const ends = [{ pointIds: [0, 1, 2] }, { pointIds: [8, 9, 10] }] as const;

// A U of 31 points one apart, as in the path tests: down from (0, 10) to (0, 0), along the
// bottom to (10, 0), up to (10, 10). Groups at the top of each arm.
const uShape = rows(
  ...Array.from({ length: 10 }, (_, i): [number, number] => [0, 10 - i]),
  ...Array.from({ length: 11 }, (_, i): [number, number] => [i, 0]),
  ...Array.from({ length: 10 }, (_, i): [number, number] => [10, i + 1]),
);

describe('pairPath', () => {
  it('samples a quarter, half and three quarters of the way from A to B', () => {
    // Centroids (1, 0) and (9, 0): the path runs from point 1 to point 9, 8 long.
    const path = pairPath(line.points, line.count, 2, ends);

    expect(path.centroids.map((centroid) => Array.from(centroid))).toEqual([
      [1, 0],
      [9, 0],
    ]);
    expect([path.indices[0], path.indices.at(-1), path.length]).toEqual([1, 9, 8]);
    expect(
      path.samples.map(({ position, latent, imageId }) => [position, [...latent], imageId]),
    ).toEqual([
      [0.25, [3, 0], 3],
      [0.5, [5, 0], 5],
      [0.75, [7, 0], 7],
    ]);
  });

  it.each([
    { positions: [0], latent: [1, 0], imageId: 1 },
    { positions: [1], latent: [9, 0], imageId: 9 },
    { positions: [0.3], latent: [3.4, 0], imageId: 3 },
    { positions: [0.33], latent: [3.64, 0], imageId: 4 },
  ])('puts position $positions at $latent, nearest image $imageId', (expected) => {
    const [sample] = pairPath(line.points, line.count, 2, ends, {
      positions: expected.positions,
    }).samples;
    expect(sample!.latent[0]).toBeCloseTo(expected.latent[0]!, 5);
    expect(sample!.latent[1]).toBe(expected.latent[1]);
    expect(sample!.imageId).toBe(expected.imageId);
  });

  it('follows the data around a U, so its middle sample lies at the bottom', () => {
    // Groups at the arms' tops; the straight line between them would cross empty space.
    const groups = [{ pointIds: [0, 1, 2] }, { pointIds: [28, 29, 30] }] as const;
    const path = pairPath(uShape.points, uShape.count, 2, groups, { neighbours: 3 });

    expect(path.throughData).toBe(true);
    expect(Array.from(path.samples[1]!.latent)).toEqual([5, 0]);
    expect(path.samples[1]!.imageId).toBe(15);
  });

  it('shows as exemplars the group points nearest its centroid, ties to the lower id', () => {
    const path = pairPath(line.points, line.count, 2, ends);
    expect(path.exemplarIds).toEqual([
      [1, 0, 2],
      [9, 8, 10],
    ]);

    const wide = [{ pointIds: [0, 1, 2, 3, 4, 5] }, { pointIds: [10] }] as const;
    expect(pairPath(line.points, line.count, 2, wide).exemplarIds).toEqual([[2, 3, 1, 4], [10]]);
    expect(pairPath(line.points, line.count, 2, wide, { exemplars: 1 }).exemplarIds).toEqual([
      [2],
      [10],
    ]);
  });

  it.each([
    { case: 'a position beyond the path', groups: ends, options: { positions: [1.5] } },
    { case: 'no positions', groups: ends, options: { positions: [] } },
    { case: 'an empty group', groups: [{ pointIds: [] }, ends[1]], options: {} },
    { case: 'a point outside the embedding', groups: [{ pointIds: [11] }, ends[1]], options: {} },
    { case: '9 exemplars', groups: ends, options: { exemplars: 9 } },
  ] as const)('refuses $case', ({ groups, options }) => {
    expect(() => pairPath(line.points, line.count, 2, groups, options)).toThrow(ValidationError);
  });
});
