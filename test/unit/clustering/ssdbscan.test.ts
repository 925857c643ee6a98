import { describe, expect, it } from 'vitest';

import { seededRandom } from '../../../activities/clustering/seeded-random';
import { ssdbscan } from '../../../activities/clustering/ssdbscan';
import { ValidationError } from '../../../events/errors';

/** Points on a line: one coordinate each. */
const line = (...xs: number[]) => ({ points: Float32Array.from(xs), count: xs.length, width: 1 });
const labels = (...pairs: [number, string][]) => new Map(pairs);

// Blob A at 0, 2, 4, 6 (points 0-3), blob B at 21, 23, 25, 27 (points 4-7).
// minPts = 2: cores 4, 2, 2, 4 | 4, 2, 2, 4. Inside a blob the tree edges weigh 4, 2, 4; the
// cheapest way across is 6 -> 21, mreach max(4, 4, 15) = 15. Every growth is cut there.
const twoBlobs = line(0, 2, 4, 6, 21, 23, 25, 27);

describe('ssdbscan clusters', () => {
  it('grows two well separated labelled blobs into two clusters that do not collide', () => {
    const { points, count, width } = twoBlobs;
    const result = ssdbscan(points, count, width, labels([1, 'a'], [6, 'b']), { minPts: 2 });

    expect(result.assignment).toEqual(['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b']);
    expect(result.clusters).toEqual([
      { seed: 1, label: 'a', points: [0, 1, 2, 3], cut: { from: 3, to: 4, weight: 15 }, meets: 6 },
      { seed: 6, label: 'b', points: [4, 5, 6, 7], cut: { from: 4, to: 3, weight: 15 }, meets: 1 },
    ]);
    // Gap 15 / 4 = 3.75, far above the default tolerance of 1.5.
    expect(result.collisions).toEqual([]);
    expect(Array.from(result.coreDistances)).toEqual([4, 2, 2, 4, 4, 2, 2, 4]);
  });

  it.each([
    // Outlier at 100: core = distance to 25 = 75, so it is reached only over a 75 edge,
    // after the 15 cut: noise.
    { outlier: 100, expected: null },
    // Outlier at -8: core = distance to 2 = 10, mreach to 0 = max(10, 4, 8) = 10 < 15: the
    // growth of `a` adds it before the cut, as the paper's rule says.
    { outlier: -8, expected: 'a' },
  ])('assigns an unlabelled outlier at $outlier to $expected', ({ outlier, expected }) => {
    const { points, count, width } = line(0, 2, 4, 6, 21, 23, 25, 27, outlier);
    const result = ssdbscan(points, count, width, labels([1, 'a'], [6, 'b']), { minPts: 2 });

    expect(result.assignment[8]).toBe(expected);
    expect(result.assignment.slice(0, 8)).toEqual(['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b']);
    expect(result.collisions).toEqual([]);
  });

  it('lets two seeds of the same label share one cluster without colliding', () => {
    const { points, count, width } = twoBlobs;
    const seeds = labels([0, 'a'], [3, 'a'], [7, 'b']);
    const result = ssdbscan(points, count, width, seeds, { minPts: 2 });

    expect(result.clusters.map(({ seed, points }) => [seed, points])).toEqual([
      [0, [0, 1, 2, 3]],
      [3, [0, 1, 2, 3]],
      [7, [4, 5, 6, 7]],
    ]);
    expect(result.collisions).toEqual([]);
  });

  it('stops at the first other label on the way, not at a tied one behind it', () => {
    // Six points 1 apart, minPts 1: every edge weighs 1, so a (point 0) and b (point 3) are
    // both at bottleneck 1 from c (point 5); Prim from c reaches b first, a lies behind it.
    const { points, count, width } = line(0, 1, 2, 3, 4, 5);
    const result = ssdbscan(points, count, width, labels([0, 'a'], [3, 'b'], [5, 'c']), {
      minPts: 1,
    });
    expect(result.clusters.find(({ seed }) => seed === 5)).toMatchObject({ meets: 3 });
  });

  it('gives every point to the only label present, and reports no cut', () => {
    const { points, count, width } = line(0, 2, 4, 6, 21, 23, 25, 27, 100);
    const result = ssdbscan(points, count, width, labels([2, 'a']), { minPts: 2 });

    expect(result.assignment).toEqual(new Array(9).fill('a'));
    expect(result.clusters).toEqual([
      { seed: 2, label: 'a', points: [0, 1, 2, 3, 4, 5, 6, 7, 8], cut: null, meets: null },
    ]);
    expect(result.collisions).toEqual([]);
  });

  it('leaves every point as noise when nothing is labelled', () => {
    const { points, count, width } = twoBlobs;
    const result = ssdbscan(points, count, width, labels(), { minPts: 2 });
    expect(result.assignment).toEqual(new Array(8).fill(null));
    expect(result.clusters).toEqual([]);
  });
});

describe('ssdbscan collisions', () => {
  it('reports two blobs joined by a bridge as colliding, with the bridge points', () => {
    // A at 0, 2, 4, 6 (points 0-3), bridge at 11, 16 (points 4, 5), B at 21..27 (6-9).
    // minPts = 2 cores: 4, 2, 2, 4 | 5, 5 | 4, 2, 2, 4. Tree: 4, 2, 4 | 5, 5, 5 | 4, 2, 4.
    // The growth of `a` is cut at the first 5 edge (6 -> 11): cluster 0-3; `b`'s at
    // 21 -> 16: cluster 6-9. Contested stretch 6, 11, 16, 21 = points 3, 4, 5, 6.
    // Gap 5 / largest core 4 = 1.25 <= 1.5; score 1 / 2.25.
    const { points, count, width } = line(0, 2, 4, 6, 11, 16, 21, 23, 25, 27);
    const result = ssdbscan(points, count, width, labels([1, 'a'], [8, 'b']), { minPts: 2 });

    expect(result.assignment).toEqual(['a', 'a', 'a', 'a', null, null, 'b', 'b', 'b', 'b']);
    expect(result.collisions).toEqual([
      {
        labels: ['a', 'b'],
        seeds: [1, 8],
        points: [3, 4, 5, 6],
        cut: { from: 3, to: 4, weight: 5 },
        gap: 1.25,
        score: 1 / 2.25,
        contacts: 2,
        mixing: 1,
      },
    ]);
  });

  it('does not count a bridge as a touch when the tolerance is stricter than its sparsity', () => {
    const { points, count, width } = line(0, 2, 4, 6, 11, 16, 21, 23, 25, 27);
    const seeds = labels([1, 'a'], [8, 'b']);
    expect(
      ssdbscan(points, count, width, seeds, { minPts: 2, gapTolerance: 1.2 }).collisions,
    ).toEqual([]);
  });

  it('reports a blob holding two labels as a collision that contests the whole blob', () => {
    // A 3 x 3 grid of spacing 1; minPts = 2 makes every core distance 1 and every tree edge
    // 1, so the cut weight between the corners is 1: each cluster is its seed alone, the
    // gap is 1 / 1 = 1, and the contested stretch is the tree path from corner to corner.
    const grid = [0, 1, 2].flatMap((y) => [0, 1, 2].flatMap((x) => [x, y]));
    const result = ssdbscan(Float32Array.from(grid), 9, 2, labels([0, 'a'], [8, 'b']), {
      minPts: 2,
    });

    expect(result.assignment.filter((label) => label !== null)).toEqual(['a', 'b']);
    const [collision] = result.collisions;
    expect(result.collisions).toHaveLength(1);
    expect(collision).toMatchObject({ labels: ['a', 'b'], seeds: [0, 8], gap: 1, score: 0.5 });
    expect(collision!.points).toEqual(expect.arrayContaining([0, 8]));
    expect(collision!.points.length).toBeGreaterThanOrEqual(5);
  });

  it.each([
    // Blobs 0, 2, 4, 6 and 21, 23, 25, 27, seeds at 2 and 25; the cut is the 15 jump
    // unless the cores grow past it. minPts 1: cores 2, gap 15 / 2.
    { minPts: 1, gap: 7.5, collides: false },
    // minPts 2: edge points' cores 4, gap 15 / 4.
    { minPts: 2, gap: 3.75, collides: false },
    // minPts 3: edge points' cores 6 (the third neighbour inside the blob), gap 15 / 6.
    { minPts: 3, gap: 2.5, collides: false },
    // minPts 4: the fourth neighbour lies across the gap; cores 21, 19, 17, 15 | 15, 17,
    // 19, 21. Every edge of the seed at 2 weighs at least its core 19, and 2 -> 6 -> 21 ->
    // 25 reaches the other seed at 19: each cluster is its seed alone, gap 19 / 19.
    { minPts: 4, gap: 1, collides: true },
  ])('with minPts $minPts sees a gap of $gap between the blobs', ({ minPts, gap, collides }) => {
    const { points, count, width } = twoBlobs;
    const seeds = labels([1, 'a'], [6, 'b']);
    const result = ssdbscan(points, count, width, seeds, { minPts, gapTolerance: 1e9 });
    const strict = ssdbscan(points, count, width, seeds, { minPts });

    expect(result.collisions[0]!.gap).toBeCloseTo(gap, 12);
    expect(strict.collisions.length > 0).toBe(collides);
  });

  it('ranks collisions by score and keeps one entry per pair of labels', () => {
    // A 0, 2, 4, 6 (points 0-3), bridge 11, 16 (4, 5), then an even line 21..35 of step 2
    // (6-13) holding b at 23 (point 7) and c at 33 (point 12). Cores: 4, 2, 2, 4 | 5, 5 |
    // 4, 2, 2, 2, 2, 2, 2, 4. The growth of b meets c over steps of 2 (cut weight 2) before
    // the bridge (5): b and c are clusters of one point each, gap 2 / 2 = 1, score 0.5, and
    // c's growth meets b the same way. The growth of a meets b across the bridge: cut 6 ->
    // 11 at 5, stretch 6, 11, 16, 21, 23, gap 5 / core(6) = 1.25, score 1 / 2.25.
    const xs = [0, 2, 4, 6, 11, 16, 21, 23, 25, 27, 29, 31, 33, 35];
    const { points, count, width } = line(...xs);
    const seeds = labels([1, 'a'], [7, 'b'], [12, 'c']);
    const result = ssdbscan(points, count, width, seeds, { minPts: 2 });

    expect(result.assignment).toEqual([
      ...['a', 'a', 'a', 'a', null, null],
      ...[null, 'b', null, null, null, null, 'c', null],
    ]);
    expect(result.collisions).toEqual([
      {
        labels: ['b', 'c'],
        seeds: [7, 12],
        points: [7, 8, 9, 10, 11, 12],
        cut: { from: 7, to: 8, weight: 2 },
        gap: 1,
        score: 0.5,
        contacts: 2,
        mixing: 1,
      },
      {
        labels: ['a', 'b'],
        seeds: [1, 7],
        points: [3, 4, 5, 6, 7],
        cut: { from: 3, to: 4, weight: 5 },
        gap: 1.25,
        score: 1 / 2.25,
        contacts: 1,
        mixing: 0.5,
      },
    ]);
  });

  it('ranks touching pairs, all at score 0.5, by how mixed they are rather than by name', () => {
    // An even line of step 2 (points 0-13) with minPts 1: every core and tree edge is 2, so
    // every touch has gap 1. q and p alternate on points 0-3 (all 4 seeds meet the other
    // label: mixing 4 / 4); a holds points 9-11 and b 12-13. Walking left, a's seeds meet p
    // at point 3; 3 of the 5 seeds of a and p meet across, 2 of the 5 of a and b.
    const { points, count, width } = line(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26);
    const seeds = labels([0, 'q'], [2, 'q'], [1, 'p'], [3, 'p'], [9, 'a'], [10, 'a']);
    seeds.set(11, 'a').set(12, 'b').set(13, 'b');
    const { collisions } = ssdbscan(points, count, width, seeds, { minPts: 1 });

    expect(collisions.map(({ labels, score, mixing }) => [labels, score, mixing])).toEqual([
      [['q', 'p'], 0.5, 1],
      [['a', 'p'], 0.5, 0.6],
      [['b', 'a'], 0.5, 0.4],
    ]);
  });

  it('merges the contacts of one pair of labels and describes the strongest', () => {
    // The layout of the previous case with c renamed a: a on both sides of b. The left a
    // meets b across the bridge (gap 1.25); b and the right a meet at gap 1 from both sides.
    const xs = [0, 2, 4, 6, 11, 16, 21, 23, 25, 27, 29, 31, 33, 35];
    const { points, count, width } = line(...xs);
    const seeds = labels([1, 'a'], [7, 'b'], [12, 'a']);
    const result = ssdbscan(points, count, width, seeds, { minPts: 2 });

    expect(result.collisions).toEqual([
      {
        labels: ['b', 'a'],
        seeds: [7, 12],
        points: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        cut: { from: 7, to: 8, weight: 2 },
        gap: 1,
        score: 0.5,
        contacts: 3,
        mixing: 1,
      },
    ]);
  });
});

describe('ssdbscan agrees with the paper', () => {
  /**
   * The algorithm as Lelis & Sander state it: Prim's algorithm from the seed over the complete
   * mutual reachability graph until a point of another label would be added; the cluster is
   * what came before the largest edge of that growth.
   */
  function literalGrowth(points: Float32Array, count: number, width: number, minPts: number) {
    const distance = (a: number, b: number) => {
      let sum = 0;
      for (let d = 0; d < width; d++) sum += (points[a * width + d]! - points[b * width + d]!) ** 2;
      return Math.sqrt(sum);
    };
    const cores = Array.from({ length: count }, (_, i) => {
      const others = Array.from({ length: count }, (_, j) => distance(i, j)).filter(
        (_, j) => j !== i,
      );
      return others.sort((a, b) => a - b)[minPts - 1]!;
    });
    const mreach = (a: number, b: number) => Math.max(cores[a]!, cores[b]!, distance(a, b));

    return (seed: number, labelled: Map<number, string>) => {
      const order = [seed];
      const weights: number[] = [];
      const key = Array.from({ length: count }, (_, v) => mreach(seed, v));
      const added = new Set(order);
      for (;;) {
        let next = -1;
        for (let v = 0; v < count; v++) {
          if (!added.has(v) && (next < 0 || key[v]! < key[next]!)) next = v;
        }
        const other = labelled.get(next);
        if (other !== undefined && other !== labelled.get(seed)) {
          const largest = Math.max(...weights, key[next]!);
          const cutAt = [...weights, key[next]!].indexOf(largest);
          return order.slice(0, cutAt + 1).sort((a, b) => a - b);
        }
        order.push(next);
        weights.push(key[next]!);
        added.add(next);
        for (let v = 0; v < count; v++) key[v] = Math.min(key[v]!, mreach(next, v));
      }
    };
  }

  it.each([1, 2, 3, 4])('grows the same clusters as literal Prim growth (seed %i)', (seed) => {
    const random = seededRandom(seed);
    const count = 60;
    const points = Float32Array.from({ length: count * 2 }, () => Math.round(random() * 40));
    const labelled = labels([0, 'a'], [1, 'b'], [2, 'c'], [3, 'a'], [4, 'b']);
    const grow = literalGrowth(points, count, 2, 3);

    const result = ssdbscan(points, count, 2, labelled, { minPts: 3 });
    for (const cluster of result.clusters) {
      expect(cluster.points).toEqual(grow(cluster.seed, labelled));
    }
  });
});

describe('ssdbscan input checks', () => {
  const { points, count, width } = twoBlobs;

  it.each([
    { case: 'minPts 0', minPts: 0, seeds: labels([1, 'a']), message: /minPts.*1\.\.7.*received 0/ },
    { case: 'minPts = count', minPts: 8, seeds: labels(), message: /minPts.*received 8/ },
    { case: 'fractional minPts', minPts: 1.5, seeds: labels(), message: /minPts.*received 1.5/ },
    { case: 'index past the end', minPts: 2, seeds: labels([8, 'a']), message: /0\.\.7.*8/ },
    { case: 'negative index', minPts: 2, seeds: labels([-1, 'a']), message: /received -1/ },
    { case: 'empty label', minPts: 2, seeds: labels([1, '']), message: /point 1.*""/ },
  ])('refuses $case', ({ minPts, seeds, message }) => {
    const run = () => ssdbscan(points, count, width, seeds, { minPts });
    expect(run).toThrow(ValidationError);
    expect(run).toThrow(message);
  });

  it('refuses a NaN coordinate, naming the point and the dimension', () => {
    const bad = Float32Array.from([0, 0, 1, NaN, 2, 2]);
    expect(() => ssdbscan(bad, 3, 2, labels(), { minPts: 1 })).toThrow(
      /received NaN at point 1, dimension 1/,
    );
  });

  it('refuses a point buffer whose length is not count x width', () => {
    expect(() => ssdbscan(new Float32Array(5), 3, 2, labels(), { minPts: 1 })).toThrow(
      /received 5 values for count 3/,
    );
  });

  it('refuses a gap tolerance that is not a positive number', () => {
    expect(() => ssdbscan(points, count, width, labels(), { minPts: 2, gapTolerance: 0 })).toThrow(
      /gapTolerance.*received 0/,
    );
  });
});
