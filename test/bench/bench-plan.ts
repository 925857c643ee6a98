import type { BenchBackend } from './bench-result';

/** How much work one backend is measured on. */
export interface BackendPlan {
  /** Digits trained on, and epochs; the first epoch is warm-up and not counted. */
  trainingSamples: number;
  trainingEpochs: number;
  batchSize: number;
  /** Further batch sizes trained on the same digits: larger batches use the kernels better. */
  batchSweep: number[];
  /** Digits embedded and scored per repetition, and repetitions. */
  forwardImages: number;
  forwardReps: number;
  matMulSize: number;
  matMulWarmUps: number;
  matMulReps: number;
}

/**
 * Sizes for a full run of a few minutes. The plain CPU backend trains about 150x slower
 * than wasm (measured: ~470 against ~2.7 ms per sample), so it gets far fewer samples
 * and images; the report says how many each number rests on. Batch 32 on both, as rounds
 * train.
 */
export const fullPlan: Record<BenchBackend, BackendPlan> = {
  wasm: {
    trainingSamples: 512,
    trainingEpochs: 4,
    batchSize: 32,
    batchSweep: [64, 128],
    forwardImages: 2000,
    forwardReps: 5,
    matMulSize: 512,
    matMulWarmUps: 2,
    matMulReps: 10,
  },
  cpu: {
    trainingSamples: 64,
    trainingEpochs: 2,
    batchSize: 32,
    batchSweep: [],
    forwardImages: 256,
    forwardReps: 2,
    matMulSize: 512,
    matMulWarmUps: 1,
    matMulReps: 3,
  },
};

/** A smoke run in well under a minute: every phase runs, on small sizes. */
export const quickPlan: Record<BenchBackend, BackendPlan> = {
  wasm: {
    trainingSamples: 128,
    trainingEpochs: 2,
    batchSize: 32,
    batchSweep: [64],
    forwardImages: 500,
    forwardReps: 2,
    matMulSize: 256,
    matMulWarmUps: 1,
    matMulReps: 3,
  },
  cpu: {
    trainingSamples: 32,
    trainingEpochs: 2,
    batchSize: 32,
    batchSweep: [],
    forwardImages: 32,
    forwardReps: 1,
    matMulSize: 256,
    matMulWarmUps: 1,
    matMulReps: 2,
  },
};
