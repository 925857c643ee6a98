import { ValidationError } from '../../events/errors';
import { checkEmbedding, checkLatent, rowDistance } from '../clustering/embedding-checks';
import { nearestNeighbourGraph } from './neighbour-graph';
import { shortestPath } from './shortest-path';

/** A walk through the data between two centroids. */
export interface DataPath {
  /** Point indices from the point nearest the first centroid to the one nearest the second. */
  indices: number[];
  /** Length of the polyline through those points. */
  length: number;
  /** The latent vector halfway along the polyline, measured by length. */
  midpoint: Float32Array;
  /**
   * False when the neighbour graph does not connect the two end points. The path then
   * falls back to the straight segment between them: `indices` holds just the two ends
   * and the midpoint lies halfway between them, possibly in empty space. Callers that
   * need a path through data should raise `neighbours` and try again.
   */
  throughData: boolean;
}

/**
 * The shortest path through the data between two centroids: its ends are the data points
 * nearest each centroid (the centroids themselves are not on it), and it follows the
 * symmetric `neighbours`-nearest-neighbour graph, so it stays where the embedding has
 * points instead of cutting across empty space as the straight segment would.
 */
export function pathBetweenCentroids(
  points: Float32Array,
  count: number,
  width: number,
  centroids: { from: Float32Array; to: Float32Array },
  neighbours: number,
): DataPath {
  checkEmbedding(points, count, width);
  checkLatent('centroids.from', centroids.from, width);
  checkLatent('centroids.to', centroids.to, width);
  if (!Number.isInteger(neighbours) || neighbours < 1) {
    throw new ValidationError(`neighbours: expected an integer >= 1, received ${neighbours}`);
  }

  const start = nearestPoint(points, count, width, centroids.from);
  const end = nearestPoint(points, count, width, centroids.to);
  const graph = nearestNeighbourGraph(points, count, width, Math.min(neighbours, count - 1));
  const found = shortestPath(graph, start, end);
  const indices = found ?? [start, end];
  return { ...alongPolyline(points, width, indices), indices, throughData: found !== null };
}

/** The data point closest to `latent`; ties go to the lower index. */
function nearestPoint(points: Float32Array, count: number, width: number, latent: Float32Array) {
  let best = 0;
  let bestDistance = Infinity;
  for (let i = 0; i < count; i++) {
    let sum = 0;
    for (let d = 0; d < width; d++) sum += (points[i * width + d]! - latent[d]!) ** 2;
    if (sum < bestDistance) {
      bestDistance = sum;
      best = i;
    }
  }
  return best;
}

/** Total length of the polyline through `indices` and the point halfway along it. */
function alongPolyline(points: Float32Array, width: number, indices: readonly number[]) {
  const steps = indices.slice(1).map((point, i) => rowDistance(points, width, indices[i]!, point));
  const length = steps.reduce((sum, step) => sum + step, 0);

  let remaining = length / 2;
  let segment = 0;
  while (segment < steps.length - 1 && remaining > steps[segment]!) {
    remaining -= steps[segment]!;
    segment++;
  }
  const a = indices[segment]!;
  const b = indices[Math.min(segment + 1, indices.length - 1)]!;
  const share = steps[segment] ? remaining / steps[segment]! : 0;
  const midpoint = new Float32Array(width);
  for (let d = 0; d < width; d++) {
    const from = points[a * width + d]!;
    midpoint[d] = from + share * (points[b * width + d]! - from);
  }
  return { length, midpoint };
}
