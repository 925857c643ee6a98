import type { LayerShape } from './flops';

/** The two tfjs backends compared side by side. */
export type BenchBackend = 'wasm' | 'cpu';

/** Timing of a few epochs of `trainAutoencoder`; the first epoch is warm-up. */
export interface TrainingMeasurement {
  samples: number;
  batchSize: number;
  epochs: number;
  /** Milliseconds per training sample of every epoch, warm-up first. */
  epochMsPerSample: number[];
  /** Median over the epochs after the warm-up. */
  msPerSample: number;
  finalLoss: number;
}

/** Timing of `embed` then `softAssignmentEntropy` over the same images, repeated. */
export interface ForwardMeasurement {
  images: number;
  /** Milliseconds of embed + entropy per repetition. */
  repMs: number[];
  /** Medians over the repetitions. */
  embedMs: number;
  entropyMs: number;
  imagesPerSecond: number;
  /** Mean normalised entropy of the images: a value to check the work was done. */
  meanEntropy: number;
}

/** Timing of a square matMul of `size`, after warm-up; GFLOP/s of the median repetition. */
export interface MatMulMeasurement {
  size: number;
  repMs: number[];
  gflops: number;
}

/** numpy's matMul on the same machine, when python3 can import numpy. */
export type NumpyMeasurement =
  ({ available: true; version: string } & MatMulMeasurement) | { available: false; reason: string };

/** Everything measured on one backend. */
export interface BackendResult {
  backend: BenchBackend;
  /** For wasm: whether the SIMD build runs, and on how many threads. */
  wasm?: { simd: boolean; multithread: boolean; threads: number };
  /** os.loadavg() before and after: other processes share the cores. */
  loadBefore: number[];
  loadAfter: number[];
  training: TrainingMeasurement;
  /** The same training at the plan's further batch sizes; absent in older results. */
  batchSweep?: TrainingMeasurement[];
  forward: ForwardMeasurement;
  matMul: MatMulMeasurement;
}

/** One run of the benchmark, as written to bench-results/bench-<date>.json. */
export interface BenchResult {
  startedAt: string;
  quick: boolean;
  machine: { cpu: string; cores: number; node: string; tfjs: string };
  /** Estimated from the model's layer shapes (see flops.ts). */
  flops: {
    trainingPerSample: number;
    encoderForwardPerSample: number;
    layers: LayerShape[];
  };
  numpy: NumpyMeasurement;
  backends: BackendResult[];
}
