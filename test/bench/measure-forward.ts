import type { Digits } from '../../activities/data/image-set';
import { kMeans } from '../../activities/clustering/kmeans';
import { softAssignmentEntropy } from '../../activities/model/entropy';
import type { TrainedModel } from '../../activities/model/train';
import type { ForwardMeasurement } from './bench-result';
import type { BackendPlan } from './bench-plan';
import { median } from './stats';

/** Images embedded once before timing, so that kernel set-up is not counted. */
const warmUpImages = 32;

/**
 * Times what scoring a round's images costs: the encoder's forward pass over the digits,
 * then the soft-assignment entropy against k-means centroids. The centroids come from one
 * untimed k-means of the first embedding; k-means is not part of the per-image cost.
 */
export function measureForward(
  model: TrainedModel,
  digits: Digits,
  plan: BackendPlan,
  log: (line: string) => void,
): ForwardMeasurement {
  const { forwardImages: count, forwardReps: reps } = plan;
  const images = digits.images.subarray(0, count * 28 * 28);
  const width = model.config.embeddingSize;
  model.embed(images.subarray(0, warmUpImages * 28 * 28), Math.min(warmUpImages, count));
  const { centroids } = kMeans(model.embed(images, count), count, width, {
    k: width,
    seed: 1,
    restarts: 1,
  });

  const embedMs: number[] = [];
  const entropyMs: number[] = [];
  let entropies: Float32Array = new Float32Array(0);
  for (let rep = 0; rep < reps; rep++) {
    const started = performance.now();
    const embedding = model.embed(images, count);
    const embedded = performance.now();
    entropies = softAssignmentEntropy(embedding, centroids, width);
    const scored = performance.now();
    embedMs.push(embedded - started);
    entropyMs.push(scored - embedded);
    const perSecond = (count * 1000) / (scored - started);
    log(`rep ${rep + 1}/${reps}: ${Math.round(perSecond)} images/s`);
  }

  const repMs = embedMs.map((ms, rep) => ms + entropyMs[rep]!);
  return {
    images: count,
    repMs,
    embedMs: median(embedMs),
    entropyMs: median(entropyMs),
    imagesPerSecond: (count * 1000) / median(repMs),
    meanEntropy: entropies.reduce((sum, value) => sum + value, 0) / count,
  };
}
