import { rowDistance } from '../clustering/embedding-checks';

/** Each point's neighbours in the graph, with the Euclidean distance to them. */
export type NeighbourGraph = { point: number; distance: number }[][];

/**
 * The symmetric k-nearest-neighbour graph: i and j are joined when either is among the
 * other's k nearest. Symmetric so that a path can be walked both ways, which a one-sided
 * kNN relation does not guarantee. Brute force, O(count^2 * width): meant for the few
 * thousand points of one round's embedding. Ties in distance go to the lower index.
 */
export function nearestNeighbourGraph(
  points: Float32Array,
  count: number,
  width: number,
  neighbours: number,
): NeighbourGraph {
  const graph: NeighbourGraph = Array.from({ length: count }, () => []);
  const joined = Array.from({ length: count }, () => new Set<number>());
  const join = (a: number, b: number, distance: number) => {
    if (joined[a]!.has(b)) return;
    joined[a]!.add(b);
    joined[b]!.add(a);
    graph[a]!.push({ point: b, distance });
    graph[b]!.push({ point: a, distance });
  };

  for (let i = 0; i < count; i++) {
    const others: { point: number; distance: number }[] = [];
    for (let j = 0; j < count; j++) {
      if (j !== i) others.push({ point: j, distance: rowDistance(points, width, i, j) });
    }
    others.sort((a, b) => a.distance - b.distance || a.point - b.point);
    for (const { point, distance } of others.slice(0, neighbours)) join(i, point, distance);
  }
  return graph;
}
