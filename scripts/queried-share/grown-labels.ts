import { ssdbscan } from '../../activities/clustering/ssdbscan';

/**
 * Every image's digit as SSDBSCAN grows the voted digits over the embedding: each voted
 * image's cluster spreads along the minimum spanning tree of mutual reachability up to the
 * largest edge before an image voted another digit. An image no cluster reaches (noise)
 * takes the digit most voted in its model cluster, as the label tree scores it; -1 when
 * that cluster holds no vote either. `minPts`: neighbours that make a point dense.
 */
export function grownDigits(
  embedding: Float32Array,
  clusters: Int32Array,
  votes: ReadonlyMap<number, number>,
  minPts = 10,
): Int32Array {
  const count = clusters.length;
  const grown = ssdbscan(
    embedding,
    count,
    embedding.length / count,
    new Map([...votes].map(([imageId, digit]) => [imageId, String(digit)])),
    { minPts },
  ).assignment;
  const byCluster = clusterMajorities(clusters, votes);
  return Int32Array.from(grown, (digit, imageId) =>
    digit === null ? (byCluster.get(clusters[imageId]!) ?? -1) : Number(digit),
  );
}

/** The digit most voted in each cluster; ties go to the lower digit. */
function clusterMajorities(clusters: Int32Array, votes: ReadonlyMap<number, number>) {
  const tallies = new Map<number, number[]>();
  for (const [imageId, digit] of votes) {
    const tally = tallies.get(clusters[imageId]!) ?? new Array<number>(10).fill(0);
    tally[digit]!++;
    tallies.set(clusters[imageId]!, tally);
  }
  return new Map(
    [...tallies].map(([cluster, tally]) => [cluster, tally.indexOf(Math.max(...tally))]),
  );
}
