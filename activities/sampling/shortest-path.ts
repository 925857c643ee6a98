import type { NeighbourGraph } from './neighbour-graph';

/**
 * Dijkstra's shortest path from `source` to `target` over a neighbour graph; null when the
 * graph does not connect them. The simple O(count^2) form without a heap: one round's
 * embedding has a few thousand points, and ties resolve to the lower index on every run.
 */
export function shortestPath(
  graph: NeighbourGraph,
  source: number,
  target: number,
): number[] | null {
  const count = graph.length;
  const distance = new Float64Array(count).fill(Infinity);
  const previous = new Int32Array(count).fill(-1);
  const settled = new Uint8Array(count);

  distance[source] = 0;
  for (;;) {
    let at = -1;
    for (let v = 0; v < count; v++) {
      if (!settled[v] && distance[v]! < Infinity && (at < 0 || distance[v]! < distance[at]!)) {
        at = v;
      }
    }
    if (at < 0) return null;
    if (at === target) break;
    settled[at] = 1;
    for (const { point, distance: step } of graph[at]!) {
      if (distance[at]! + step < distance[point]!) {
        distance[point] = distance[at]! + step;
        previous[point] = at;
      }
    }
  }

  const path = [target];
  while (path[path.length - 1] !== source) path.push(previous[path[path.length - 1]!]!);
  return path.reverse();
}
