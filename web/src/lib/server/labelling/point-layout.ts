import type { ArtefactFolder } from '../../../../../activities/artefacts/artefact-folder';
import {
  decodeClustering,
  type ClusteringArtefact,
} from '../../../../../activities/round/clustering-artefact';
import { nearestCentroids } from '../../../../../activities/round/cluster-membership';
import { ValidationError } from '../../../../../events/errors';
import type { ClusteringRef } from '../read-model';

/** One point of a round's layout: its first two coordinates and its nearest centroid. */
export interface LayoutPoint {
  id: number;
  x: number;
  y: number;
  cluster: number;
}

/** The points of a round as k-means saw them. */
export interface PointLayout {
  round: number;
  /** Width of the stored layout; only the first two coordinates are plotted. */
  dimensions: number;
  points: LayoutPoint[];
}

/**
 * Reads the stored layout: little-endian float32 rows of `width` values, one per point, in
 * image id order. The cluster is the nearest stored centroid, which is the assignment k-means
 * ended with, since it stops when no point changes centroid.
 */
export function decodePointLayout(
  round: number,
  clustering: ClusteringArtefact,
  layout: Uint8Array,
): PointLayout {
  const { width } = clustering;
  if (width < 2 || layout.byteLength % (4 * width) !== 0) {
    throw new ValidationError(
      `layout of round ${round}: expected rows of ${width} >= 2 float32 values, ` +
        `got ${layout.byteLength} bytes`,
    );
  }

  const view = new DataView(layout.buffer, layout.byteOffset, layout.byteLength);
  const rows = Float32Array.from({ length: layout.byteLength / 4 }, (_, i) =>
    view.getFloat32(i * 4, true),
  );
  const clusters = nearestCentroids(rows, width, clustering.centroids);
  const points = Array.from(clusters, (cluster, id) => ({
    id,
    x: rows[id * width]!,
    y: rows[id * width + 1]!,
    cluster,
  }));
  return { round, dimensions: width, points };
}

/** Reads rounds' layouts from the artefact folder. */
export interface PointLayouts {
  layoutOf(clustering: ClusteringRef): Promise<PointLayout>;
}

/**
 * Artefacts never change, so a decoded layout is kept by its content address; only the
 * latest round's is asked for, so one is enough.
 */
export function createPointLayouts(artefacts: Pick<ArtefactFolder, 'get'>): PointLayouts {
  let kept: { hash: string; layout: Promise<PointLayout> } | undefined;

  const read = async ({ round, clusteringHash }: ClusteringRef) => {
    const clustering = decodeClustering(await artefacts.get(clusteringHash));
    return decodePointLayout(round, clustering, await artefacts.get(clustering.embeddingHash));
  };

  return {
    layoutOf(clustering) {
      if (kept?.hash !== clustering.clusteringHash) {
        const layout = read(clustering);
        kept = { hash: clustering.clusteringHash, layout };
        // A failed read is not kept: the artefact may arrive, or the folder be fixed.
        layout.catch(() => {
          if (kept?.layout === layout) kept = undefined;
        });
      }
      return kept.layout;
    },
  };
}
