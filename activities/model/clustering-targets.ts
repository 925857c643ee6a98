import { kMeans } from '../clustering/kmeans';
import { manifoldLayout } from '../clustering/manifold';

/** Where the k-means loss finds the clusters it pulls images towards. */
export type ClusteringSpace = 'embedding' | 'manifold';

export interface ClusteringTargetsInput {
  embedding: Float32Array;
  count: number;
  width: number;
  clusters: number;
  space: ClusteringSpace;
  seed: number;
  /** Assignments kept from an earlier epoch: only the centroids are recomputed then. */
  assignments?: Int32Array;
  /** Each image's class for the labelled ones, -1 for the rest. */
  classOf?: Int32Array | null;
  /** Whether unlabelled images follow their cluster's labelled majority (see below). */
  followLabelledMajority?: boolean;
}

/**
 * The point each image is pulled towards for one epoch (E2). Unlabelled images go to the
 * mean embedding of their cluster: k-means on the embedding itself, or on its UMAP layout,
 * which separates classes k-means on the embedding fuses (see manifold.ts), so the loss
 * sharpens the better clustering instead of a worse one. Labelled images go to the mean
 * embedding of their class: the experts already said where they belong. With
 * `followLabelledMajority`, so do the unlabelled images of a cluster whose labelled images
 * are mostly of that class; right when the labels are the true classes, harmful when they
 * are coarser (a fused label would pull several clusters into one).
 */
export function clusteringTargets(input: ClusteringTargetsInput): {
  targets: Float32Array;
  assignments: Int32Array;
} {
  const { embedding, count, width, clusters, seed, classOf } = input;
  const assignments =
    input.assignments ??
    kMeans(
      input.space === 'manifold' ? manifoldLayout(embedding, count, width, { seed }) : embedding,
      count,
      input.space === 'manifold' ? 2 : width,
      { k: clusters, seed },
    ).assignments;
  const clusterMeans = meansBy(embedding, width, assignments, clusters);
  const classCount = classOf ? Math.max(-1, ...classOf) + 1 : 0;
  const classMeans = classOf ? meansBy(embedding, width, classOf, classCount) : null;

  const classOfCluster =
    classOf && input.followLabelledMajority
      ? majorityClassOfClusters(assignments, classOf, clusters)
      : null;

  const targets = new Float32Array(count * width);
  for (let i = 0; i < count; i++) {
    const label = classOf?.[i] ?? -1;
    const clusterClass = classOfCluster?.[assignments[i]!] ?? -1;
    const [source, group] =
      label >= 0
        ? [classMeans!, label]
        : clusterClass >= 0
          ? [classMeans!, clusterClass]
          : [clusterMeans, assignments[i]!];
    targets.set(source.subarray(group * width, (group + 1) * width), i * width);
  }
  return { targets, assignments };
}

/**
 * The class most of a cluster's labelled images carry, -1 for a cluster without any. An
 * unlabelled image is pulled to that class's mean rather than to its cluster's own: two
 * attractors per class (labelled and unlabelled) would pull one class into two blobs.
 */
function majorityClassOfClusters(assignments: Int32Array, classOf: Int32Array, clusters: number) {
  const votes = new Map<number, Map<number, number>>();
  classOf.forEach((label, i) => {
    if (label < 0) return;
    const cluster = assignments[i]!;
    const tally = votes.get(cluster) ?? new Map<number, number>();
    tally.set(label, (tally.get(label) ?? 0) + 1);
    votes.set(cluster, tally);
  });
  return Int32Array.from({ length: clusters }, (_, cluster) => {
    const tally = [...(votes.get(cluster) ?? new Map<number, number>()).entries()];
    tally.sort(([classA, a], [classB, b]) => b - a || classA - classB);
    return tally[0]?.[0] ?? -1;
  });
}

/** Mean row per group; rows whose group is negative are left out. */
function meansBy(rows: Float32Array, width: number, groupOf: Int32Array, groups: number) {
  const sums = new Float64Array(groups * width);
  const sizes = new Float64Array(groups);
  groupOf.forEach((group, i) => {
    if (group < 0) return;
    sizes[group]!++;
    for (let d = 0; d < width; d++) sums[group * width + d]! += rows[i * width + d]!;
  });
  const means = new Float32Array(groups * width);
  for (let g = 0; g < groups; g++) {
    for (let d = 0; d < width; d++)
      means[g * width + d] = sums[g * width + d]! / Math.max(sizes[g]!, 1);
  }
  return means;
}
