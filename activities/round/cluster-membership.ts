import type { ArtefactFolder } from '../artefacts/artefact-folder';
import type { ClusteringArtefact } from './clustering-artefact';
import { decodeClustering } from './clustering-artefact';

/** Each point's nearest centroid: the cluster k-means put it in, read back from the artefact. */
export function nearestCentroids(
  points: Float32Array,
  width: number,
  centroids: ArrayLike<number>,
): Int32Array {
  const count = points.length / width;
  const k = centroids.length / width;
  const clusters = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let best = Infinity;
    for (let c = 0; c < k; c++) {
      let distance = 0;
      for (let d = 0; d < width; d++) {
        distance += (points[i * width + d]! - centroids[c * width + d]!) ** 2;
      }
      if (distance < best) {
        best = distance;
        clusters[i] = c;
      }
    }
  }
  return clusters;
}

/** A round's clustering as stored: the artefact, the layout it clustered, each point's cluster. */
export interface ClusteredLayout {
  clustering: ClusteringArtefact;
  /** count * clustering.width values, row by row, in image id order. */
  layout: Float32Array;
  clusters: Int32Array;
}

/** Reads a round's clustering and its layout from the artefact folder. */
export async function readClusteredLayout(
  artefacts: Pick<ArtefactFolder, 'get'>,
  clusteringHash: string,
): Promise<ClusteredLayout> {
  const clustering = decodeClustering(await artefacts.get(clusteringHash));
  const bytes = await artefacts.get(clustering.embeddingHash);
  // A copy, so that the floats are aligned whatever the offset of the bytes read.
  const layout = new Float32Array(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
  const clusters = nearestCentroids(layout, clustering.width, clustering.centroids);
  return { clustering, layout, clusters };
}
