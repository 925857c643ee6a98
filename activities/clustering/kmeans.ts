import { ValidationError } from '../../events/errors';
import type { Random } from './seeded-random';
import { seededRandom } from './seeded-random';

/** Options of one k-means clustering. */
export interface KMeansOptions {
  /** Number of clusters; at most the number of points. */
  k: number;
  /** Seed of the k-means++ draws: same seed, same clustering. */
  seed: number;
  /** Independent k-means++ starts; the one with the lowest inertia wins. Default 10. */
  restarts?: number;
  /** Lloyd iterations per start at most. Default 100. */
  maxIterations?: number;
}

/** A clustering of `count` points of `width` dimensions. */
export interface KMeansResult {
  /** k * width values, row-major. */
  centroids: Float32Array;
  /** The centroid index of each point. */
  assignments: Int32Array;
  /** Sum of squared distances of the points to their centroids. */
  inertia: number;
}

/**
 * Seeded k-means with k-means++ starts (Arthur & Vassilvitskii 2007) and Lloyd iterations
 * until no point changes cluster. A cluster left empty is re-seeded with the point
 * farthest from its centroid, so k clusters always come back.
 */
export function kMeans(
  points: Float32Array,
  count: number,
  width: number,
  options: KMeansOptions,
): KMeansResult {
  const { k, seed, restarts = 10, maxIterations = 100 } = options;
  if (!Number.isInteger(count) || count < 1 || points.length !== count * width) {
    throw new ValidationError(
      `points: expected ${count} x ${width} values and count >= 1, received ${points.length}`,
    );
  }
  if (!Number.isInteger(k) || k < 1 || k > count) {
    throw new ValidationError(`k: expected an integer in 1..${count} (the points), received ${k}`);
  }

  const random = seededRandom(seed);
  let best: KMeansResult | undefined;
  for (let start = 0; start < Math.max(1, restarts); start++) {
    const centroids = plusPlusStart(points, count, width, k, random);
    const result = lloyd(points, count, width, centroids, maxIterations);
    if (best === undefined || result.inertia < best.inertia) best = result;
  }
  return best!;
}

/** Squared distance of point `i` to centroid `c`. */
function distance(points: Float32Array, i: number, centroids: Float32Array, c: number, w: number) {
  let sum = 0;
  const p = i * w;
  const q = c * w;
  for (let d = 0; d < w; d++) {
    const diff = points[p + d]! - centroids[q + d]!;
    sum += diff * diff;
  }
  return sum;
}

function plusPlusStart(
  points: Float32Array,
  count: number,
  width: number,
  k: number,
  random: Random,
): Float32Array {
  const centroids = new Float32Array(k * width);
  const nearest = new Float64Array(count).fill(Infinity);
  let chosen = Math.floor(random() * count);
  for (let c = 0; c < k; c++) {
    centroids.set(points.subarray(chosen * width, (chosen + 1) * width), c * width);
    let total = 0;
    for (let i = 0; i < count; i++) {
      nearest[i] = Math.min(nearest[i]!, distance(points, i, centroids, c, width));
      total += nearest[i]!;
    }
    chosen = drawByWeight(nearest, total, random);
  }
  return centroids;
}

/** An index drawn with probability proportional to its weight (uniform if all are 0). */
function drawByWeight(weights: Float64Array, total: number, random: Random): number {
  if (!(total > 0)) return Math.floor(random() * weights.length);
  let target = random() * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i]!;
    if (target < 0) return i;
  }
  return weights.length - 1;
}

function lloyd(
  points: Float32Array,
  count: number,
  width: number,
  centroids: Float32Array,
  maxIterations: number,
): KMeansResult {
  const k = centroids.length / width;
  const assignments = new Int32Array(count).fill(-1);
  const distances = new Float64Array(count);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const changed = assign(points, count, width, centroids, assignments, distances);
    if (!changed) break;
    recenter(points, count, width, centroids, assignments, distances, k);
  }
  const inertia = distances.reduce((sum, d) => sum + d, 0);
  return { centroids, assignments, inertia };
}

function assign(
  points: Float32Array,
  count: number,
  width: number,
  centroids: Float32Array,
  assignments: Int32Array,
  distances: Float64Array,
): boolean {
  const k = centroids.length / width;
  let changed = false;
  for (let i = 0; i < count; i++) {
    let bestCluster = 0;
    let bestDistance = Infinity;
    for (let c = 0; c < k; c++) {
      const d = distance(points, i, centroids, c, width);
      if (d < bestDistance) {
        bestDistance = d;
        bestCluster = c;
      }
    }
    distances[i] = bestDistance;
    if (assignments[i] !== bestCluster) {
      assignments[i] = bestCluster;
      changed = true;
    }
  }
  return changed;
}

function recenter(
  points: Float32Array,
  count: number,
  width: number,
  centroids: Float32Array,
  assignments: Int32Array,
  distances: Float64Array,
  k: number,
): void {
  const sums = new Float64Array(k * width);
  const sizes = new Int32Array(k);
  for (let i = 0; i < count; i++) {
    const c = assignments[i]!;
    sizes[c]!++;
    for (let d = 0; d < width; d++) sums[c * width + d]! += points[i * width + d]!;
  }
  for (let c = 0; c < k; c++) {
    if (sizes[c] === 0) {
      const farthest = distances.indexOf(Math.max(...distances));
      distances[farthest] = 0;
      centroids.set(points.subarray(farthest * width, (farthest + 1) * width), c * width);
      continue;
    }
    for (let d = 0; d < width; d++) centroids[c * width + d] = sums[c * width + d]! / sizes[c]!;
  }
}
