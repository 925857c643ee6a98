import { describe, expect, it } from 'vitest';

import { clusteringAccuracy, clusteringScores } from '../../../activities/clustering/accuracy';
import { minimumCostMatching } from '../../../activities/clustering/hungarian';
import { ValidationError } from '../../../events/errors';

describe('minimumCostMatching', () => {
  it.each([
    { cost: [[5]], expected: [0] },
    {
      cost: [
        [4, 1, 3],
        [2, 0, 5],
        [3, 2, 2],
      ],
      expected: [1, 0, 2],
    },
    {
      // The greedy choice (row 0 -> column 0, cost 1) forces a cost of 100 elsewhere.
      cost: [
        [1, 2],
        [3, 100],
      ],
      expected: [1, 0],
    },
    {
      cost: [
        [9, 2, 7, 8],
        [6, 4, 3, 7],
        [5, 8, 1, 8],
        [7, 6, 9, 4],
      ],
      expected: [1, 0, 2, 3],
    },
  ])('matches each row to the column of least total cost: $expected', ({ cost, expected }) => {
    expect(minimumCostMatching(cost)).toEqual(expected);
  });
});

describe('clusteringAccuracy', () => {
  it.each([
    {
      name: 'identical ids',
      labels: [0, 0, 1, 1, 2, 2],
      clusters: [0, 0, 1, 1, 2, 2],
      expected: 1,
    },
    { name: 'permuted ids', labels: [0, 0, 1, 1, 2, 2], clusters: [2, 2, 0, 0, 1, 1], expected: 1 },
    {
      name: 'one point off',
      labels: [0, 0, 0, 1, 1, 1],
      clusters: [1, 1, 0, 0, 0, 0],
      expected: 5 / 6,
    },
    {
      // Two clusters cannot both map to class 0: the second counts as wrong.
      name: 'split class',
      labels: [0, 0, 0, 0, 1, 1],
      clusters: [0, 0, 1, 1, 2, 2],
      expected: 4 / 6,
    },
    { name: 'one cluster for all', labels: [0, 1, 2, 0], clusters: [0, 0, 0, 0], expected: 2 / 4 },
  ])('scores $name as $expected', ({ labels, clusters, expected }) => {
    expect(clusteringAccuracy(labels, clusters)).toBeCloseTo(expected, 10);
  });

  it('rejects label and assignment lists of different lengths', () => {
    expect(() => clusteringAccuracy([0, 1], [0])).toThrow(ValidationError);
    expect(() => clusteringAccuracy([0, 1], [0])).toThrow(/2 labels and 1 assignments/);
  });

  it('rejects a negative cluster id', () => {
    expect(() => clusteringAccuracy([0, 1], [0, -1])).toThrow(/assignments\[1\]/);
  });
});

describe('clusteringScores', () => {
  it('gives NMI and ARI of 1 for the same partition under other ids', () => {
    const scores = clusteringScores([0, 0, 1, 1, 2, 2], [1, 1, 2, 2, 0, 0]);
    expect(scores).toEqual({ accuracy: 1, nmi: expect.closeTo(1, 10), ari: expect.closeTo(1, 10) });
  });

  it('matches hand-computed NMI and ARI on a small table', () => {
    // Classes {0,0,1,1}, clusters {0,0,0,1}: contingency [[2,0],[1,1]].
    const scores = clusteringScores([0, 0, 1, 1], [0, 0, 0, 1]);
    const h = (ps: number[]) => -ps.reduce((s, p) => s + p * Math.log(p), 0);
    const mutual = 0.5 * Math.log(2 / 1.5) + 0.25 * Math.log(1 / 1.5) + 0.25 * Math.log(2);
    const nmi = mutual / ((h([0.5, 0.5]) + h([0.75, 0.25])) / 2);
    // ARI: index = C(2,2) = 1; class pairs 2; cluster pairs 3; total pairs 6.
    const ari = (1 - (2 * 3) / 6) / ((2 + 3) / 2 - (2 * 3) / 6);
    expect(scores.accuracy).toBeCloseTo(0.75, 10);
    expect(scores.nmi).toBeCloseTo(nmi, 10);
    expect(scores.ari).toBeCloseTo(ari, 10);
  });
});
