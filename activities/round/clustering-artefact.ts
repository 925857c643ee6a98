import { ValidationError } from '../../events/errors';

/** A round's clustering as stored in the artefact folder: enough to score uncertainty. */
export interface ClusteringArtefact {
  embeddingHash: string;
  /** Embedding width: the length of one image's embedding vector. */
  width: number;
  k: number;
  /** k * width centroid coordinates, row by row. */
  centroids: number[];
}

export function encodeClustering(clustering: {
  embeddingHash: string;
  width: number;
  k: number;
  centroids: ArrayLike<number>;
}): Uint8Array {
  const artefact: ClusteringArtefact = {
    ...clustering,
    centroids: Array.from(clustering.centroids),
  };
  return new TextEncoder().encode(JSON.stringify(artefact));
}

export function decodeClustering(bytes: Uint8Array): ClusteringArtefact {
  const artefact = JSON.parse(new TextDecoder().decode(bytes)) as ClusteringArtefact;
  if (artefact.centroids.length !== artefact.k * artefact.width) {
    throw new ValidationError(
      `clustering artefact holds ${artefact.centroids.length} centroid values, ` +
        `expected k * width = ${artefact.k * artefact.width}`,
    );
  }
  return artefact;
}
