import { ValidationError } from '../../events/errors';
import { checkEmbedding } from '../clustering/embedding-checks';
import { pathBetweenCentroids } from '../sampling/path';
import { centroidOf, nearestRows } from './nearest-rows';

/** Where to sample a pair's path and how to show its groups. */
export interface PairPathOptions {
  /** Shares of the path's length from group A (0) to group B (1); default 0.25, 0.5, 0.75. */
  positions?: readonly number[];
  /**
   * Neighbours per point in the graph the path follows (see `pathBetweenCentroids`);
   * default 10. Too few can leave the groups unconnected: the path then is a straight line.
   */
  neighbours?: number;
  /** Real images shown per group, those nearest its centroid; default 4, at most 8. */
  exemplars?: number;
}

/** One latent point to decode and put to the experts. */
export interface PathSample {
  position: number;
  latent: Float32Array;
  /** The real image nearest the latent point: the query's `imageId`. */
  imageId: number;
}

/** The walk between a pair's groups through the embedding, and what lies along it. */
export interface PairPath {
  centroids: [Float32Array, Float32Array];
  /** Points the path runs through, from the one nearest A's centroid to the one nearest B's. */
  indices: number[];
  length: number;
  /** False when the neighbour graph did not connect the groups (straight line instead). */
  throughData: boolean;
  samples: PathSample[];
  /** Per group, its points nearest its centroid, nearest first. */
  exemplarIds: [number[], number[]];
}

const defaultPositions = [0.25, 0.5, 0.75];

/**
 * The path between the centroids of a pair's two groups in an embedding of `count` rows of
 * `width` values. It follows the data (`pathBetweenCentroids`): its ends are the points
 * nearest each centroid, and a position is a share of the polyline's length from A's end,
 * so every sample lies between two neighbouring real points instead of in empty space.
 */
export function pairPath(
  points: Float32Array,
  count: number,
  width: number,
  groups: readonly [{ pointIds: readonly number[] }, { pointIds: readonly number[] }],
  options: PairPathOptions = {},
): PairPath {
  const { positions = defaultPositions, neighbours = 10, exemplars = 4 } = options;
  checkEmbedding(points, count, width);
  groups.forEach((group, side) => checkGroup(group.pointIds, count, side));
  checkPositions(positions);
  if (!Number.isInteger(exemplars) || exemplars < 1 || exemplars > 8) {
    throw new ValidationError(`exemplars: expected an integer in 1..8, received ${exemplars}`);
  }

  const [from, to] = groups.map((group) => centroidOf(points, width, group.pointIds));
  const path = pathBetweenCentroids(points, count, width, { from: from!, to: to! }, neighbours);
  const samples = positions.map((position) => {
    const latent = alongPolyline(points, width, path.indices, position);
    return { position, latent, imageId: nearestRows(points, width, latent, 1)[0]! };
  });
  const exemplarIds = groups.map((group, side) =>
    nearestRows(points, width, side === 0 ? from! : to!, exemplars, group.pointIds),
  );

  return {
    centroids: [from!, to!],
    indices: path.indices,
    length: path.length,
    throughData: path.throughData,
    samples,
    exemplarIds: [exemplarIds[0]!, exemplarIds[1]!],
  };
}

/** The latent point `share` of the way along the polyline through `indices`. */
function alongPolyline(
  points: Float32Array,
  width: number,
  indices: readonly number[],
  share: number,
): Float32Array {
  const row = (index: number) => points.subarray(index * width, (index + 1) * width);
  const steps = indices.slice(1).map((to, i) => distance(row(indices[i]!), row(to)));
  const length = steps.reduce((sum, step) => sum + step, 0);

  let remaining = share * length;
  let segment = 0;
  while (segment < steps.length - 1 && remaining > steps[segment]!) {
    remaining -= steps[segment]!;
    segment++;
  }
  const a = row(indices[segment]!);
  const b = row(indices[Math.min(segment + 1, indices.length - 1)]!);
  const t = steps[segment] ? Math.min(1, remaining / steps[segment]!) : 0;
  return Float32Array.from(a, (value, d) => value + t * (b[d]! - value));
}

function distance(a: Float32Array, b: Float32Array) {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += (a[d]! - b[d]!) ** 2;
  return Math.sqrt(sum);
}

function checkGroup(pointIds: readonly number[], count: number, side: number) {
  const name = side === 0 ? 'A' : 'B';
  if (pointIds.length === 0) {
    throw new ValidationError(`group ${name}: expected at least one point, received none`);
  }
  const bad = pointIds.find((id) => !Number.isInteger(id) || id < 0 || id >= count);
  if (bad !== undefined) {
    throw new ValidationError(
      `group ${name}: expected point ids in 0..${count - 1}, received ${bad}`,
    );
  }
}

function checkPositions(positions: readonly number[]) {
  const bad = positions.find((position) => !(position >= 0 && position <= 1));
  if (positions.length === 0 || bad !== undefined) {
    throw new ValidationError(
      `positions: expected at least one share of the path in 0..1, received ` +
        `[${positions.join(', ')}]`,
    );
  }
}
