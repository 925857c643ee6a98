import { readFileSync, writeFileSync } from 'node:fs';

import { clusteringScores } from '../../activities/clustering/accuracy';
import type { ClusteringScores } from '../../activities/clustering/accuracy';
import { kMeans } from '../../activities/clustering/kmeans';
import { manifoldLayout } from '../../activities/clustering/manifold';
import { seededRandom, shuffledIndices } from '../../activities/clustering/seeded-random';
import type { Digits } from '../../activities/data/image-set';
import { loadMnistDigits } from '../../activities/data/mnist';
import type { AutoencoderConfig } from '../../activities/model/autoencoder';
import type { TrainedModel } from '../../activities/model/train';
import { trainAutoencoder } from '../../activities/model/train';
import type { ReproducePlan, RowId } from './protocol';
import { tableRows } from './protocol';

const clusters = 10;

/** One unit of work, run in its own process so that two run on two cores. */
export type Job =
  | { kind: 'pretrain'; seed: number; plan: ReproducePlan; weightsPath: string }
  | { kind: 'fine-tune'; seed: number; plan: ReproducePlan; row: RowId; weightsPath: string };

/** A row's scores for one seed: the paper's k-means on the embedding, and UMAP first. */
export interface RowResult {
  row: RowId;
  seed: number;
  /** k-means on the embedding (or on pixels), as the paper scores. */
  kMeans: ClusteringScores;
  /** k-means on a UMAP layout of the embedding (N2D), as the product's rounds cluster. */
  umapKMeans: ClusteringScores | null;
  trainSeconds: number;
  evaluateSeconds: number;
}

export const jobName = (job: Job) =>
  job.kind === 'pretrain' ? `seed ${job.seed} pretrain` : `seed ${job.seed} ${job.row}`;

/**
 * Runs one job: a pretraining scores the pixels and the plain autoencoder and saves its
 * weights; a fine-tuning starts from them and scores its row.
 */
export async function runJob(job: Job, log: (line: string) => void): Promise<RowResult[]> {
  const digits = loadMnistDigits({ count: job.plan.count });
  if (job.kind === 'pretrain') {
    const pixels = timed(() => ({
      kMeans: clusteringScores(
        digits.labels,
        kMeans(digits.images, digits.count, 28 * 28, { k: clusters, seed: job.seed }).assignments,
      ),
      umapKMeans: null,
    }));
    log(`k-means on pixels: accuracy ${pixels.value.kMeans.accuracy.toFixed(4)}`);
    const trained = await train(job, digits, log);
    writeFileSync(job.weightsPath, trained.value.serializeWeights());
    const scored = evaluate(trained.value, digits, job.seed);
    trained.value.dispose();
    return [
      {
        row: 'pixels',
        seed: job.seed,
        ...pixels.value,
        trainSeconds: 0,
        evaluateSeconds: pixels.seconds,
      },
      {
        row: 'autoencoder',
        seed: job.seed,
        ...scored.value,
        trainSeconds: trained.seconds,
        evaluateSeconds: scored.seconds,
      },
    ];
  }
  const trained = await train(job, digits, log);
  const scored = evaluate(trained.value, digits, job.seed);
  trained.value.dispose();
  return [
    {
      row: job.row,
      seed: job.seed,
      ...scored.value,
      trainSeconds: trained.seconds,
      evaluateSeconds: scored.seconds,
    },
  ];
}

function train(job: Job, digits: Digits, log: (line: string) => void) {
  const { plan, seed } = job;
  const labelled = job.kind === 'fine-tune' ? labelledSubset(job.row, digits, seed) : undefined;
  const config: AutoencoderConfig = {
    embeddingSize: clusters,
    seed,
    classes: labelled ? clusters : 0,
  };
  const epochs = job.kind === 'pretrain' ? plan.pretrainEpochs : plan.fineTuneEpochs;
  return timed(() =>
    trainAutoencoder({
      images: digits.images,
      count: digits.count,
      config,
      seed,
      epochs,
      batchSize: plan.batchSize,
      ...(job.kind === 'fine-tune'
        ? { initialWeights: new Uint8Array(readFileSync(job.weightsPath)) }
        : {}),
      ...(labelled ? { labels: labelled } : {}),
      // Fine-tuning clusters the UMAP layout for the k-means loss: see clustering-targets.ts.
      options:
        job.kind === 'pretrain'
          ? { clusteringWeight: 0 }
          : {
              clusteringWeight: plan.clusteringWeight,
              clusteringFromEpoch: 0,
              clusteringSpace: 'manifold',
              reclusterEvery: plan.reclusterEvery,
              followLabelledMajority: true,
            },
      onEpochEnd: ({ epoch, loss, samplesPerSecond }) =>
        log(
          `epoch ${epoch + 1}/${epochs}: loss ${loss.toFixed(4)}, ` +
            `${(1000 / samplesPerSecond).toFixed(2)} ms per sample`,
        ),
    }),
  );
}

/** The row's share of images with their true class, drawn by seed; none for other rows. */
export function labelledSubset(row: RowId, digits: Digits, seed: number) {
  const share = tableRows.find((candidate) => candidate.id === row)?.labelledShare ?? 0;
  if (share === 0) return undefined;
  const order = shuffledIndices(digits.count, seededRandom(seed * 7_919 + 17));
  const pointIds = Array.from(order.subarray(0, Math.round(share * digits.count)));
  return { pointIds, classes: pointIds.map((i) => digits.labels[i]!) };
}

function evaluate(model: TrainedModel, digits: Digits, seed: number) {
  return timed(() => {
    const embedding = model.embed(digits.images, digits.count);
    const { kMeans, umapKMeans } = clusterEmbedding(embedding, digits, seed);
    return { kMeans, umapKMeans };
  });
}

/**
 * k-means on the embedding and on its UMAP layout, each scored against the digits; the
 * layout and its clusters come back too, for whoever asks about them next.
 */
export function clusterEmbedding(embedding: Float32Array, digits: Digits, seed: number) {
  const width = embedding.length / digits.count;
  const plain = kMeans(embedding, digits.count, width, { k: clusters, seed });
  const layout = manifoldLayout(embedding, digits.count, width, { seed });
  const layered = kMeans(layout, digits.count, layout.length / digits.count, {
    k: clusters,
    seed,
  });
  return {
    kMeans: clusteringScores(digits.labels, plain.assignments),
    umapKMeans: clusteringScores(digits.labels, layered.assignments),
    layout,
    layoutClusters: layered,
  };
}

function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }>;
function timed<T>(work: () => T): { value: T; seconds: number };
function timed<T>(work: () => T | Promise<T>) {
  const started = performance.now();
  const done = (value: T) => ({ value, seconds: (performance.now() - started) / 1000 });
  const value = work();
  return value instanceof Promise ? value.then(done) : done(value);
}
