import type { BackendResult, BenchResult } from './bench-result';
import { gflopsPerSecond } from './stats';

type Flops = BenchResult['flops'];

/** Training rate achieved: estimated FLOPs per sample over the measured time per sample. */
export function trainingGflops(result: BackendResult, flops: Flops): number {
  return gflopsPerSecond(flops.trainingPerSample, result.training.msPerSample);
}

/** Forward rate achieved by the encoder alone (the entropy is not counted in FLOPs). */
export function forwardGflops(result: BackendResult, flops: Flops): number {
  return (flops.encoderForwardPerSample * result.forward.imagesPerSecond) / 1e9;
}

/** How the training rate compares with the same backend's matMul rate (1 = as fast). */
export function trainingToMatMulRatio(result: BackendResult, flops: Flops): number {
  return trainingGflops(result, flops) / result.matMul.gflops;
}
