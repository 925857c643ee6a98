import { describe, expect, it } from 'vitest';
import {
  collisionPairs,
  numberPairs,
  spreadPairs,
  type PairCandidate,
} from '../../../activities/labelling/spread-pairs';
import { ValidationError } from '../../../events/errors';

/**
 * Labelled points laid out from counts: `{ l1: { 0: 8, 2: 5 } }` gives label l1 eight
 * points in cluster 0, then five in cluster 2, point ids counting up from 0 in that order.
 */
type Counts = Record<string, Record<number, number>>;

function layout(counts: Counts) {
  const pointLabels = new Map<number, string>();
  const clusterOf: number[] = [];
  for (const [labelId, byCluster] of Object.entries(counts)) {
    for (const [clusterId, n] of Object.entries(byCluster)) {
      for (let i = 0; i < n; i++) {
        pointLabels.set(clusterOf.length, labelId);
        clusterOf.push(Number(clusterId));
      }
    }
  }
  return { pointLabels, clusters: Int32Array.from(clusterOf) };
}

/** Each pair as [labelId, clusterId of A, size of A, clusterId of B, size of B]. */
const summary = (pairs: ReturnType<typeof spreadPairs>) =>
  pairs.map(({ groups: [a, b] }) => [
    a.labelId,
    a.clusterId,
    a.pointIds.length,
    b.clusterId,
    b.pointIds.length,
  ]);

const spreads: { case: string; counts: Counts; pairs: (string | number)[][] }[] = [
  {
    case: 'a label over 3 clusters gives its 2 largest groups',
    counts: { l1: { 0: 6, 1: 8, 2: 5 } },
    pairs: [['l1', 1, 8, 0, 6]],
  },
  {
    case: 'a label held by one cluster gives no pair',
    counts: { l1: { 0: 20, 1: 3 } },
    pairs: [],
  },
  {
    case: 'a cluster under the minimum share (5 of 30 < 0.2) does not hold the label',
    counts: { l1: { 0: 20, 1: 5, 2: 5 } },
    pairs: [],
  },
  {
    case: 'a cluster under the minimum points (4 < 5) does not hold the label',
    counts: { l1: { 0: 4, 1: 4 } },
    pairs: [],
  },
  {
    case: 'equal groups are ordered by cluster id',
    counts: { l1: { 3: 5, 1: 5 } },
    pairs: [['l1', 1, 5, 3, 5]],
  },
  {
    case: 'points outside every cluster count toward the share but form no group',
    counts: { l1: { [-1]: 30, 0: 9, 1: 8 } },
    pairs: [],
  },
  {
    case: 'pairs come strongest first: the larger second group, then the label id',
    counts: {
      l2: { 0: 10, 1: 6 },
      l1: { 2: 7, 3: 6 },
      l3: { 4: 9, 5: 9 },
      l4: { 6: 30 },
    },
    pairs: [
      ['l3', 4, 9, 5, 9],
      ['l1', 2, 7, 3, 6],
      ['l2', 0, 10, 1, 6],
    ],
  },
];

describe('spreadPairs', () => {
  it.each(spreads)('$case', ({ counts, pairs }) => {
    const { pointLabels, clusters } = layout(counts);
    expect(summary(spreadPairs(pointLabels, clusters))).toEqual(pairs);
  });

  it('lists each group as the label points in its cluster, ascending, of kind label-spread', () => {
    const pointLabels = new Map([
      [4, 'l1'],
      [0, 'l1'],
      [2, 'l1'],
      [1, 'l1'],
      [3, 'l2'],
    ]);
    const clusters = Int32Array.from([7, 8, 7, 7, 8]);
    expect(spreadPairs(pointLabels, clusters, { minPoints: 1, minShare: 0 })).toEqual([
      {
        kind: 'label-spread',
        groups: [
          { labelId: 'l1', clusterId: 7, pointIds: [0, 2] },
          { labelId: 'l1', clusterId: 8, pointIds: [1, 4] },
        ],
      },
    ]);
  });

  it.each([
    { case: 'a point beyond the clusters', labels: [[9, 'l1']], options: {} },
    { case: 'a share above 1', labels: [], options: { minShare: 1.5 } },
    { case: 'a minimum of 0 points', labels: [], options: { minPoints: 0 } },
  ] as const)('refuses $case', ({ labels, options }) => {
    const pointLabels = new Map(labels.map(([point, label]) => [point, label]));
    expect(() => spreadPairs(pointLabels, new Int32Array(3), options)).toThrow(ValidationError);
  });
});

describe('collisionPairs', () => {
  const pointLabels = new Map([
    [5, 'l2'],
    [0, 'l1'],
    [3, 'l2'],
    [1, 'l3'],
    [2, 'l1'],
  ]);

  it('pairs the labelled points of the two colliding labels, in the collisions order', () => {
    const collisions: { labels: [string, string] }[] = [
      { labels: ['l2', 'l1'] },
      { labels: ['l1', 'l3'] },
    ];
    expect(collisionPairs(pointLabels, collisions)).toEqual([
      {
        kind: 'labels-collide',
        groups: [
          { labelId: 'l2', pointIds: [3, 5] },
          { labelId: 'l1', pointIds: [0, 2] },
        ],
      },
      {
        kind: 'labels-collide',
        groups: [
          { labelId: 'l1', pointIds: [0, 2] },
          { labelId: 'l3', pointIds: [1] },
        ],
      },
    ]);
  });

  it('refuses a collision naming a label no labelled point carries', () => {
    expect(() => collisionPairs(pointLabels, [{ labels: ['l1', 'l9'] }])).toThrow(
      'collision names label l9, but no labelled point carries it; expected one of l1, l2, l3',
    );
  });
});

describe('numberPairs', () => {
  it('numbers the pairs after the prefix in the order given, from 1', () => {
    const group = (labelId: string) => ({ labelId, pointIds: [0] });
    const candidates: PairCandidate[] = [
      { kind: 'labels-collide', groups: [group('a'), group('b')] },
      { kind: 'label-spread', groups: [group('c'), group('c')] },
    ];
    expect(numberPairs('c1.r2', candidates).map(({ pairId, kind }) => [pairId, kind])).toEqual([
      ['c1.r2.p1', 'labels-collide'],
      ['c1.r2.p2', 'label-spread'],
    ]);
  });
});
