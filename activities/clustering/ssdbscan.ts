import { ValidationError } from '../../events/errors';
import { checkEmbedding } from './embedding-checks';
import { minimumSpanningTree, treeAdjacency } from './minimum-spanning-tree';
import type { TreeEdge } from './minimum-spanning-tree';
import { findCollisions } from './ssdbscan-collisions';
import type { Collision } from './ssdbscan-collisions';
import { growSeed } from './ssdbscan-growth';
import type { SeedGrowth } from './ssdbscan-growth';
import { coreDistances, mutualReachability } from './ssdbscan-reachability';

export type { Collision } from './ssdbscan-collisions';

/** Options of one SSDBSCAN run. */
export interface SsdbscanOptions {
  /**
   * Neighbours that make a point dense: its core distance is the distance to its minPts-th
   * nearest other point. Larger values smooth the density, so small or thin groups blur
   * into their neighbours and collide more. An integer in 1..count - 1.
   */
  minPts: number;
  /**
   * How much wider than the boundary points' core distances the cut between two labels may
   * be and still count as a touch (see {@link Collision}). Default 1.5: a bridge up to half
   * again as sparse as the clusters' edges collides, a clear gap does not. Must be > 0.
   */
  gapTolerance?: number;
}

/** The cluster grown from one labelled point. */
export interface SeedCluster {
  seed: number;
  label: string;
  /** Points of the cluster, ascending; always holds the seed. */
  points: number[];
  /** The largest edge on the way to the first other label; null when there is none. */
  cut: TreeEdge | null;
  /** The first differently labelled point the growth reached; null when there is none. */
  meets: number | null;
}

/** What SSDBSCAN made of the labelled points. */
export interface SsdbscanResult {
  /** One cluster per labelled point, ordered by label, then seed. */
  clusters: SeedCluster[];
  /** Each point's label, or null for noise (no seed's cluster reaches it). */
  assignment: (string | null)[];
  /** Colliding pairs of labels, strongest first. */
  collisions: Collision[];
  /** Each point's core distance, for plots and for callers that judge density. */
  coreDistances: Float64Array;
}

/**
 * Semi-supervised DBSCAN (Lelis & Sander 2009) over `count` points of `width` dimensions,
 * row-major in `points`, with `labelled` mapping point indices to labels. Builds the
 * minimum spanning tree of the complete mutual reachability graph, then grows one cluster
 * per labelled point up to the largest edge before the first point of another label.
 * Clusters of different labels are disjoint, so the assignment is unambiguous; clusters of
 * the same label may overlap and simply merge. With a single label present every point
 * joins it and nothing collides.
 *
 * Cost: dense Prim, O(count^2 * width) time with nothing of size count^2 stored; fine for a
 * few thousand points (3000 x 10 in about half a second), not for a whole large dataset.
 * Each seed keeps its cluster, so memory is O(seeds x count) at worst.
 */
export function ssdbscan(
  points: Float32Array,
  count: number,
  width: number,
  labelled: ReadonlyMap<number, string>,
  options: SsdbscanOptions,
): SsdbscanResult {
  const { minPts, gapTolerance = 1.5 } = options;
  checkEmbedding(points, count, width);
  checkOptions(count, minPts, gapTolerance);
  checkLabelled(count, labelled);

  const cores = coreDistances(points, count, width, minPts);
  const tree = minimumSpanningTree(count, mutualReachability(points, width, cores));
  const adjacency = treeAdjacency(count, tree);
  const seeds = [...labelled.keys()].sort((a, b) => a - b);
  const growths = new Map<number, SeedGrowth>(
    seeds.map((seed) => [seed, growSeed(adjacency, labelled, seed)]),
  );

  const assignment: (string | null)[] = new Array<string | null>(count).fill(null);
  for (const growth of growths.values()) {
    for (const point of growth.cluster) assignment[point] = growth.label;
  }
  const clusters = [...growths.values()]
    .map(toSeedCluster)
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : a.seed - b.seed));
  const collisions = findCollisions(growths, cores, gapTolerance);
  return { clusters, assignment, collisions, coreDistances: cores };
}

function toSeedCluster(growth: SeedGrowth): SeedCluster {
  const { seed, label, cluster, meets, path, cutWeight } = growth;
  if (meets === null) return { seed, label, points: cluster, cut: null, meets };
  const first = growth.steps.findIndex((step) => step >= cutWeight);
  const cut = { from: path[first]!, to: path[first + 1]!, weight: cutWeight };
  return { seed, label, points: cluster, cut, meets };
}

function checkOptions(count: number, minPts: number, gapTolerance: number): void {
  if (!Number.isInteger(minPts) || minPts < 1 || minPts >= count) {
    throw new ValidationError(
      `minPts: expected an integer in 1..${count - 1} (fewer than the ${count} points), ` +
        `received ${minPts}`,
    );
  }
  if (!(gapTolerance > 0) || !Number.isFinite(gapTolerance)) {
    throw new ValidationError(
      `gapTolerance: expected a finite number > 0, received ${gapTolerance}`,
    );
  }
}

function checkLabelled(count: number, labelled: ReadonlyMap<number, string>): void {
  for (const [point, label] of labelled) {
    if (!Number.isInteger(point) || point < 0 || point >= count) {
      throw new ValidationError(
        `labelled: expected point indices in 0..${count - 1}, received ${point}`,
      );
    }
    if (typeof label !== 'string' || label.length === 0) {
      throw new ValidationError(
        `labelled: expected a non-empty label for point ${point}, ` +
          `received ${JSON.stringify(label)}`,
      );
    }
  }
}
