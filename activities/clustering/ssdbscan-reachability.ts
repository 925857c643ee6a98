import { rowDistance } from './embedding-checks';

/**
 * Core distance of every point: the distance to its minPts-th nearest neighbour, the point
 * itself not counted (so minPts = 1 means the nearest other point, and minPts < count is
 * required). This is the density scale below which a point has too few neighbours to be
 * core. Brute force, O(count^2 * width), keeping only the minPts smallest per point.
 */
export function coreDistances(
  points: Float32Array,
  count: number,
  width: number,
  minPts: number,
): Float64Array {
  const cores = new Float64Array(count);
  const nearest = new Float64Array(minPts);
  for (let i = 0; i < count; i++) {
    nearest.fill(Infinity);
    for (let j = 0; j < count; j++) {
      if (j !== i) keepSmallest(nearest, rowDistance(points, width, i, j));
    }
    cores[i] = nearest[minPts - 1]!;
  }
  return cores;
}

/** Inserts `value` into the ascending array `smallest` if it beats its largest entry. */
function keepSmallest(smallest: Float64Array, value: number): void {
  let slot = smallest.length - 1;
  if (value >= smallest[slot]!) return;
  while (slot > 0 && smallest[slot - 1]! > value) {
    smallest[slot] = smallest[slot - 1]!;
    slot--;
  }
  smallest[slot] = value;
}

/**
 * Mutual reachability distance, max(core(a), core(b), d(a, b)): two points are only as
 * close as the sparser of their neighbourhoods allows, which keeps a thin chain of points
 * from gluing two dense regions together.
 */
export function mutualReachability(
  points: Float32Array,
  width: number,
  cores: Float64Array,
): (a: number, b: number) => number {
  return (a, b) => Math.max(cores[a]!, cores[b]!, rowDistance(points, width, a, b));
}
