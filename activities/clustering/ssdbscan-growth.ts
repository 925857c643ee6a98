import type { TreeAdjacency } from './minimum-spanning-tree';

/** What the growth of one labelled point (a seed) found before it was cut. */
export interface SeedGrowth {
  seed: number;
  label: string;
  /**
   * Weight of the largest edge on the way to the first differently labelled point: the
   * cut. Infinity when no other label exists, and then the cluster is every point.
   */
  cutWeight: number;
  /** The first differently labelled point the growth reached; null when there is none. */
  meets: number | null;
  /** Tree path from the seed to `meets`, both included; just [seed] when meets is null. */
  path: number[];
  /** Weight of each step of `path`: steps[i] joins path[i] and path[i + 1]. */
  steps: number[];
  /** Points added before the cut, ascending: the seed's cluster. */
  cluster: number[];
}

/**
 * Grows the cluster of one seed as SSDBSCAN does (Lelis & Sander 2009): Prim's algorithm
 * from the seed over mutual reachability until it would add a point of another label; the
 * cluster is what was added before the largest edge of that growth.
 *
 * Prim from the seed adds points in ascending order of their bottleneck distance (the
 * largest edge on their minimum-spanning-tree path to the seed), and the largest edge met
 * before reaching a point q is exactly the bottleneck of q. So the cluster is the set of
 * points whose bottleneck is below the smallest bottleneck of a differently labelled point,
 * computed here with one O(count) walk of the tree instead of an O(count^2) Prim per seed.
 * Among differently labelled points at that bottleneck, those with another such point on
 * their path from the seed are skipped (Prim reaches an ancestor first), and the remaining
 * ties go to the lowest index.
 */
export function growSeed(
  adjacency: TreeAdjacency,
  labelled: ReadonlyMap<number, string>,
  seed: number,
): SeedGrowth {
  const label = labelled.get(seed)!;
  const { bottleneck, toward, stepToward, behindOther } = walkTree(adjacency, labelled, seed);

  let meets: number | null = null;
  for (const [point, other] of labelled) {
    if (other === label || behindOther[point]) continue;
    const reach = bottleneck[point]!;
    const best = meets === null ? Infinity : bottleneck[meets]!;
    if (reach < best || (reach === best && point < meets!)) meets = point;
  }
  const cutWeight = meets === null ? Infinity : bottleneck[meets]!;

  const cluster: number[] = [];
  bottleneck.forEach((distance, point) => {
    if (distance < cutWeight) cluster.push(point);
  });
  const path = [meets ?? seed];
  for (let at = path[0]!; at !== seed; at = toward[at]!) path.push(toward[at]!);
  path.reverse();
  const steps = path.slice(1).map((point) => stepToward[point]!);
  return { seed, label, cutWeight, meets, path, steps, cluster };
}

/**
 * One depth-first walk of the tree from `source`: each vertex's bottleneck distance to the
 * source, its next vertex toward the source, the weight of that step, and whether a point
 * labelled otherwise than the source lies strictly between it and the source.
 */
function walkTree(adjacency: TreeAdjacency, labelled: ReadonlyMap<number, string>, source: number) {
  const count = adjacency.length;
  const bottleneck = new Float64Array(count).fill(Infinity);
  const toward = new Int32Array(count).fill(-1);
  const stepToward = new Float64Array(count);
  const behindOther = new Uint8Array(count);
  const label = labelled.get(source);

  bottleneck[source] = 0;
  const stack = [source];
  while (stack.length > 0) {
    const at = stack.pop()!;
    for (const { vertex, weight } of adjacency[at]!) {
      if (vertex === toward[at]) continue;
      toward[vertex] = at;
      stepToward[vertex] = weight;
      bottleneck[vertex] = Math.max(bottleneck[at]!, weight);
      const atIsOther = labelled.has(at) && labelled.get(at) !== label;
      behindOther[vertex] = behindOther[at]! || atIsOther ? 1 : 0;
      stack.push(vertex);
    }
  }
  return { bottleneck, toward, stepToward, behindOther };
}
