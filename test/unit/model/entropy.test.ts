import { describe, expect, it } from 'vitest';

import {
  groupByUncertainty,
  mostUncertainImages,
  mostUncertainPerCluster,
  softAssignmentEntropy,
} from '../../../activities/model/entropy';
import { ValidationError } from '../../../events/errors';

// Two centroids on a line, at 0 and 2 (width 1).
const twoCentroids = Float32Array.from([0, 2]);

describe('softAssignmentEntropy', () => {
  it.each([
    // Midway: equal distances, an even split, entropy ln 2 / ln 2 = 1.
    { name: 'a point midway', point: 1, temperature: 1, expected: 1 },
    // At a centroid: distances 0 and 4, p = 1 / (1 + e^-4).
    {
      name: 'a point on a centroid',
      point: 0,
      temperature: 1,
      expected: binaryEntropy(1 / (1 + Math.exp(-4))),
    },
    // A hotter softmax spreads the same point more evenly: p = 1 / (1 + e^-1).
    {
      name: 'the same point at temperature 4',
      point: 0,
      temperature: 4,
      expected: binaryEntropy(1 / (1 + Math.exp(-1))),
    },
  ])('scores $name as the softmax entropy over ln k', ({ point, temperature, expected }) => {
    const [entropy] = softAssignmentEntropy(Float32Array.from([point]), twoCentroids, 1, {
      temperature,
    });
    expect(entropy).toBeCloseTo(expected, 6);
  });

  it('gives 1 when all four centroids are equally near, whatever the temperature', () => {
    const square = Float32Array.from([1, 1, -1, 1, 1, -1, -1, -1]);
    const [entropy] = softAssignmentEntropy(Float32Array.from([0, 0]), square, 2, {
      temperature: 0.01,
    });
    expect(entropy).toBeCloseTo(1, 6);
  });

  it('averages the entropies of an image patches', () => {
    const patches = Float32Array.from([1, 0, 1, 1]);
    const entropies = softAssignmentEntropy(patches, twoCentroids, 1, {
      temperature: 1,
      patches: 2,
    });
    const onCentroid = binaryEntropy(1 / (1 + Math.exp(-4)));
    expect(Array.from(entropies)).toEqual([
      expect.closeTo((1 + onCentroid) / 2, 6),
      expect.closeTo(1, 6),
    ]);
  });

  it('by default scales the temperature to the mean distance to the nearest centroid', () => {
    // Both points are 1 from their nearest centroid: temperature 1, as set explicitly above.
    const points = Float32Array.from([-1, 3]);
    const auto = softAssignmentEntropy(points, twoCentroids, 1);
    const fixed = softAssignmentEntropy(points, twoCentroids, 1, { temperature: 1 });
    expect(Array.from(auto)).toEqual(Array.from(fixed));
    // Scaling the whole embedding leaves the scores unchanged.
    const scaled = softAssignmentEntropy(
      Float32Array.from([-10, 30]),
      Float32Array.from([0, 20]),
      1,
    );
    Array.from(scaled).forEach((v, i) => expect(v).toBeCloseTo(auto[i]!, 6));
  });

  it.each([
    { name: 'a single centroid', centroids: [0], patches: 1, message: /at least 2 centroids/ },
    { name: 'patches not dividing the rows', centroids: [0, 2], patches: 2, message: /patches/ },
  ])('refuses $name', ({ centroids, patches, message }) => {
    const run = () =>
      softAssignmentEntropy(Float32Array.from([0, 1, 2]), Float32Array.from(centroids), 1, {
        patches,
      });
    expect(run).toThrow(ValidationError);
    expect(run).toThrow(message);
  });
});

describe('groupByUncertainty', () => {
  it('counts and lists the images of each group, boundaries going to the less certain', () => {
    const groups = groupByUncertainty([0.1, 0.3, 0.59, 0.6, 0.95, 0], {
      unsure: 0.3,
      uncertain: 0.6,
    });
    expect(groups).toEqual({
      confident: { count: 2, ids: [0, 5] },
      unsure: { count: 2, ids: [1, 2] },
      uncertain: { count: 2, ids: [3, 4] },
    });
  });

  it('refuses thresholds in the wrong order', () => {
    expect(() => groupByUncertainty([0.5], { unsure: 0.7, uncertain: 0.2 })).toThrow(
      /unsure 0.7, uncertain 0.2/,
    );
  });
});

function binaryEntropy(p: number): number {
  return -(p * Math.log(p) + (1 - p) * Math.log(1 - p)) / Math.log(2);
}

describe('mostUncertainImages', () => {
  const entropies = Float32Array.from([0.2, 0.9, 0.5, 0.9, 0.1, 0.7]);

  it('lists the most uncertain first, a tie going to the lower id', () => {
    expect(mostUncertainImages(entropies, 4)).toEqual([1, 3, 5, 2]);
  });

  it('leaves out settled images and takes the next ones instead', () => {
    expect(mostUncertainImages(entropies, 3, new Set([1, 5]))).toEqual([3, 2, 0]);
  });

  it('gives what is left when fewer images remain than asked for', () => {
    expect(mostUncertainImages(entropies, 10, new Set([0, 1, 2, 3]))).toEqual([5, 4]);
  });
});

describe('mostUncertainPerCluster', () => {
  // Cluster 0 holds the three most uncertain images; cluster 1 the calmer ones.
  const entropies = Float32Array.from([0.9, 0.8, 0.7, 0.3, 0.2, 0.1]);
  const clusters = Int32Array.from([0, 0, 0, 1, 1, 1]);

  it("takes each cluster's most uncertain image in turn", () => {
    expect(mostUncertainPerCluster(entropies, clusters, 4)).toEqual([0, 3, 1, 4]);
  });

  it('goes on with the clusters that still have images when one runs out', () => {
    expect(mostUncertainPerCluster(entropies, clusters, 6, new Set([3, 4]))).toEqual([0, 5, 1, 2]);
  });

  it('asks nothing of a budget of zero', () => {
    expect(mostUncertainPerCluster(entropies, clusters, 0)).toEqual([]);
  });
});
