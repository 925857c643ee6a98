/** One edge of a spanning tree; `to` is the vertex the edge brought into the tree. */
export interface TreeEdge {
  from: number;
  to: number;
  weight: number;
}

/** Each vertex's tree neighbours with the weight of the edge joining them. */
export type TreeAdjacency = { vertex: number; weight: number }[][];

/**
 * Minimum spanning tree of the complete graph on `count` vertices by Prim's algorithm,
 * grown from vertex 0. The dense O(count^2) form is chosen on purpose: the graph is
 * complete (every pair has a mutual reachability distance), so a heap would only add
 * log factors, and count^2 weight calls stay well under a second for a few thousand
 * points. Nothing of size count^2 is stored. Ties go to the lowest vertex index, so the
 * tree is the same on every run. Returns the count - 1 edges in the order they were added.
 */
export function minimumSpanningTree(
  count: number,
  weight: (a: number, b: number) => number,
): TreeEdge[] {
  const inTree = new Uint8Array(count);
  const key = new Float64Array(count).fill(Infinity);
  const link = new Int32Array(count).fill(-1);
  const edges: TreeEdge[] = [];

  let added = 0;
  for (let step = 0; step < count; step++) {
    inTree[added] = 1;
    if (link[added]! >= 0) edges.push({ from: link[added]!, to: added, weight: key[added]! });

    let next = -1;
    for (let v = 0; v < count; v++) {
      if (inTree[v]) continue;
      const w = weight(added, v);
      if (w < key[v]!) {
        key[v] = w;
        link[v] = added;
      }
      if (next < 0 || key[v]! < key[next]!) next = v;
    }
    added = next;
  }
  return edges;
}

/** The tree as neighbour lists, for walks from any vertex. */
export function treeAdjacency(count: number, edges: readonly TreeEdge[]): TreeAdjacency {
  const adjacency: TreeAdjacency = Array.from({ length: count }, () => []);
  for (const { from, to, weight } of edges) {
    adjacency[from]!.push({ vertex: to, weight });
    adjacency[to]!.push({ vertex: from, weight });
  }
  return adjacency;
}
