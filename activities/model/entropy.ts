import { ValidationError } from '../../events/errors';

/** How the soft assignment of an embedding to the centroids is computed. */
export interface EntropyOptions {
  /**
   * Softmax temperature over negative squared distances. By default the mean squared
   * distance of the patches to their nearest centroid, which makes the scores independent
   * of the embedding's scale: a patch as far from its centroid as is typical, and no
   * nearer to it than to a second one, is about evenly split between the two.
   */
  temperature?: number;
  /** Patches per image (consecutive rows of the embedding); 1 for whole-image datasets. */
  patches?: number;
}

/** Where the normalised entropy splits the three groups. */
export interface UncertaintyThresholds {
  /** Lowest entropy counted as unsure; below it an image is confident. */
  unsure: number;
  /** Lowest entropy counted as uncertain. */
  uncertain: number;
}

/** One group: how many images, and which (indices into the image set, ascending). */
export interface UncertaintyGroup {
  count: number;
  ids: number[];
}

export interface UncertaintyGroups {
  confident: UncertaintyGroup;
  unsure: UncertaintyGroup;
  uncertain: UncertaintyGroup;
}

export const defaultThresholds: UncertaintyThresholds = { unsure: 0.3, uncertain: 0.6 };

/**
 * Per-image uncertainty: the entropy of the softmax over negative squared distances from
 * each patch's embedding to the k centroids, divided by ln k so that 0 means certain and
 * 1 means evenly torn between all clusters, then averaged over the image's patches.
 */
export function softAssignmentEntropy(
  embedding: Float32Array,
  centroids: Float32Array,
  width: number,
  options: EntropyOptions = {},
): Float32Array {
  const patches = options.patches ?? 1;
  const k = centroids.length / width;
  const rows = embedding.length / width;
  if (!Number.isInteger(k) || k < 2 || !Number.isInteger(rows) || rows < 1) {
    throw new ValidationError(
      `expected at least 2 centroids and 1 embedding of width ${width}, received ` +
        `${centroids.length} centroid values and ${embedding.length} embedding values`,
    );
  }
  if (!Number.isInteger(patches) || patches < 1 || rows % patches !== 0) {
    throw new ValidationError(
      `patches: expected a positive divisor of the ${rows} embeddings, received ${patches}`,
    );
  }

  const distances = squaredDistances(embedding, centroids, width);
  // The floor keeps a set that sits exactly on its centroids certain rather than undefined.
  const temperature = options.temperature ?? Math.max(meanNearestDistance(distances, k), 1e-12);
  if (!(temperature > 0)) {
    throw new ValidationError(`temperature: expected a number > 0, received ${temperature}`);
  }
  const entropies = new Float32Array(rows / patches);
  for (let row = 0; row < rows; row++) {
    const entropy = softmaxEntropy(distances.subarray(row * k, (row + 1) * k), temperature);
    entropies[Math.floor(row / patches)]! += entropy / Math.log(k) / patches;
  }
  return entropies;
}

/** Splits images into confident / unsure / uncertain by their normalised entropy. */
export function groupByUncertainty(
  entropies: ArrayLike<number>,
  thresholds: UncertaintyThresholds = defaultThresholds,
): UncertaintyGroups {
  const { unsure, uncertain } = thresholds;
  if (!(unsure >= 0 && unsure <= uncertain)) {
    throw new ValidationError(
      `thresholds: expected 0 <= unsure <= uncertain, received unsure ${unsure}, ` +
        `uncertain ${uncertain}`,
    );
  }
  const groups: UncertaintyGroups = {
    confident: { count: 0, ids: [] },
    unsure: { count: 0, ids: [] },
    uncertain: { count: 0, ids: [] },
  };
  for (let id = 0; id < entropies.length; id++) {
    const entropy = entropies[id]!;
    const group =
      entropy >= uncertain
        ? groups.uncertain
        : entropy >= unsure
          ? groups.unsure
          : groups.confident;
    group.count++;
    group.ids.push(id);
  }
  return groups;
}

function squaredDistances(embedding: Float32Array, centroids: Float32Array, width: number) {
  const k = centroids.length / width;
  const rows = embedding.length / width;
  const distances = new Float64Array(rows * k);
  for (let row = 0; row < rows; row++) {
    for (let c = 0; c < k; c++) {
      let sum = 0;
      for (let d = 0; d < width; d++) {
        const diff = embedding[row * width + d]! - centroids[c * width + d]!;
        sum += diff * diff;
      }
      distances[row * k + c] = sum;
    }
  }
  return distances;
}

function meanNearestDistance(distances: Float64Array, k: number): number {
  const rows = distances.length / k;
  let sum = 0;
  for (let row = 0; row < rows; row++) {
    sum += Math.min(...distances.subarray(row * k, (row + 1) * k));
  }
  return sum / rows;
}

/** Entropy (nats) of softmax(-d / T), shifted by the smallest distance for stability. */
function softmaxEntropy(distances: Float64Array, temperature: number): number {
  const nearest = Math.min(...distances);
  let total = 0;
  for (const d of distances) total += Math.exp(-(d - nearest) / temperature);
  let entropy = 0;
  for (const d of distances) {
    const p = Math.exp(-(d - nearest) / temperature) / total;
    if (p > 0) entropy -= p * Math.log(p);
  }
  return entropy;
}

/**
 * The `count` most uncertain images, most uncertain first (ties: lower id), leaving out
 * `settled` ones: an image the experts already decided is not worth a second question.
 */
export function mostUncertainImages(
  entropies: ArrayLike<number>,
  count: number,
  settled: ReadonlySet<number> = new Set(),
): number[] {
  return Array.from({ length: entropies.length }, (_, id) => id)
    .filter((id) => !settled.has(id))
    .sort((a, b) => entropies[b]! - entropies[a]! || a - b)
    .slice(0, count);
}

/**
 * The `count` most uncertain images spread evenly over the clusters: each cluster in turn
 * gives its most uncertain image not yet taken (settled ones left out), so no cluster goes
 * unasked and the boundary of one pair of clusters cannot take the whole budget.
 */
export function mostUncertainPerCluster(
  entropies: ArrayLike<number>,
  clusters: ArrayLike<number>,
  count: number,
  settled: ReadonlySet<number> = new Set(),
): number[] {
  const byCluster = new Map<number, number[]>();
  for (const id of mostUncertainImages(entropies, entropies.length, settled)) {
    const queue = byCluster.get(clusters[id]!) ?? [];
    queue.push(id);
    byCluster.set(clusters[id]!, queue);
  }
  const queues = [...byCluster.entries()].sort(([a], [b]) => a - b).map(([, ids]) => ids);
  const picked: number[] = [];
  for (let depth = 0; picked.length < count && queues.some((q) => depth < q.length); depth++) {
    for (const queue of queues) {
      if (picked.length < count && depth < queue.length) picked.push(queue[depth]!);
    }
  }
  return picked;
}
