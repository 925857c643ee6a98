import { softAssignmentEntropy } from '../model/entropy';
import type { TrainedModel } from '../model/train';

/** How a synthetic sample's uncertainty is scored, and the score of one latent. */
export interface LatentUncertainty {
  /**
   * `head-entropy`: entropy of the round model's softmax head on the decoded latent;
   * `cluster-entropy`: entropy of the latent's soft assignment to the round's clusters.
   */
  kind: 'head-entropy' | 'cluster-entropy';
  /** Normalised to 0 (certain) .. 1 (evenly torn between every class or cluster). */
  score: (latent: Float32Array) => number;
}

/**
 * The uncertainty of synthetic samples, as close as a latent allows to what the round
 * scores images by. With a head (`classes` > 0) it is the entropy of the head's softmax on
 * the decoded sample. Without one it is the entropy of the soft k-means assignment the
 * round ranks images by; that one is scored in the 2-D layout, where a latent has no place,
 * so here the round's clusters are taken in the embedding: each the mean of its points,
 * and the temperature the points' mean squared distance to their nearest such centroid.
 */
export function latentUncertainty(
  model: Pick<TrainedModel, 'decode' | 'classify'>,
  embedding: Float32Array,
  width: number,
  clusters: Int32Array,
  classes: number,
): LatentUncertainty {
  if (classes > 0) {
    return {
      kind: 'head-entropy',
      score: (latent) => entropyOf(model.classify(pixelRange(model.decode(latent, 1)), 1)),
    };
  }

  const centroids = clusterCentroids(embedding, width, clusters);
  const temperature = Math.max(meanNearestSquaredDistance(embedding, width, centroids), 1e-12);
  return {
    kind: 'cluster-entropy',
    score: (latent) => softAssignmentEntropy(latent, centroids, width, { temperature })[0]!,
  };
}

/**
 * The decoder's output layer is linear, so a decoded sample can stray outside the [0, 1]
 * pixels the head was trained on and that `classify` accepts; the head sees it clipped.
 */
const pixelRange = (image: Float32Array) => image.map((value) => Math.min(1, Math.max(0, value)));

/** Entropy of a probability vector, divided by ln of its length. */
function entropyOf(probabilities: Float32Array): number {
  let entropy = 0;
  for (const p of probabilities) if (p > 0) entropy -= p * Math.log(p);
  return entropy / Math.log(probabilities.length);
}

/** The mean embedding of each cluster that holds points, in cluster order. */
function clusterCentroids(embedding: Float32Array, width: number, clusters: Int32Array) {
  const k = clusters.reduce((most, cluster) => Math.max(most, cluster), -1) + 1;
  const sums = new Float64Array(k * width);
  const sizes = new Array<number>(k).fill(0);
  clusters.forEach((cluster, row) => {
    sizes[cluster]!++;
    for (let d = 0; d < width; d++) sums[cluster * width + d]! += embedding[row * width + d]!;
  });
  const filled = sizes.flatMap((size, cluster) => (size > 0 ? [cluster] : []));
  return Float32Array.from({ length: filled.length * width }, (_, i) => {
    const cluster = filled[Math.floor(i / width)]!;
    return sums[cluster * width + (i % width)]! / sizes[cluster]!;
  });
}

function meanNearestSquaredDistance(
  embedding: Float32Array,
  width: number,
  centroids: Float32Array,
) {
  const rows = embedding.length / width;
  const k = centroids.length / width;
  let total = 0;
  for (let row = 0; row < rows; row++) {
    let nearest = Infinity;
    for (let c = 0; c < k; c++) {
      let sum = 0;
      for (let d = 0; d < width; d++) {
        sum += (embedding[row * width + d]! - centroids[c * width + d]!) ** 2;
      }
      nearest = Math.min(nearest, sum);
    }
    total += nearest;
  }
  return total / rows;
}
