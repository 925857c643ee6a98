import type { Digits } from '../../activities/data/image-set';
import type { TrainedModel } from '../../activities/model/train';
import { trainAutoencoder } from '../../activities/model/train';
import type { TrainingMeasurement } from './bench-result';
import type { BackendPlan } from './bench-plan';
import { median } from './stats';

/** Seconds between batch progress lines, so that a slow backend shows it is alive. */
const batchProgressSeconds = 5;

/**
 * Trains the default model (embedding 10) for a few epochs on the first digits and times
 * each epoch as trainAutoencoder reports it (the gradient steps and the augmentation, not
 * the model build). The first epoch pays for kernel set-up and is left out of the median.
 * The k-means loss is off: it adds an embed and a k-means per epoch, which are no part of
 * a training sample's cost or of its FLOP count; the forward phase measures the embed.
 */
export async function measureTraining(
  digits: Digits,
  plan: BackendPlan,
  log: (line: string) => void,
): Promise<{ measurement: TrainingMeasurement; model: TrainedModel }> {
  const { trainingSamples: samples, trainingEpochs: epochs, batchSize } = plan;
  const epochMsPerSample: number[] = [];
  let lastProgress = performance.now();

  const model = await trainAutoencoder({
    images: digits.images.subarray(0, samples * 28 * 28),
    count: samples,
    config: { embeddingSize: 10 },
    seed: 1,
    epochs,
    batchSize,
    options: { clusteringWeight: 0 },
    onBatch: ({ epoch, batch, batches }) => {
      if (performance.now() - lastProgress < batchProgressSeconds * 1000) return;
      lastProgress = performance.now();
      log(`epoch ${epoch + 1}/${epochs}: batch ${batch + 1}/${batches} done`);
    },
    onEpochEnd: ({ epoch, loss, samplesPerSecond }) => {
      const ms = 1000 / samplesPerSecond;
      epochMsPerSample.push(ms);
      const note = epoch === 0 ? ' (warm-up, not counted)' : '';
      log(
        `epoch ${epoch + 1}/${epochs}: ${ms.toFixed(2)} ms per sample, loss ` +
          `${loss.toFixed(4)}${note}`,
      );
    },
  });

  const measurement: TrainingMeasurement = {
    samples,
    batchSize,
    epochs,
    epochMsPerSample,
    msPerSample: median(epochMsPerSample.slice(1)),
    finalLoss: model.finalLoss,
  };
  return { measurement, model };
}
