import { ValidationError } from '../../events/errors';

/** Middle value (mean of the two middle ones for an even count); robust to a slow outlier. */
export function median(values: readonly number[]): number {
  if (values.length === 0) {
    throw new ValidationError('median: expected at least one value, received none');
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Rate in GFLOP/s of `flops` operations done in `ms` milliseconds. */
export function gflopsPerSecond(flops: number, ms: number): number {
  return flops / ms / 1e6;
}

/** Floating-point operations of an n x n by n x n matrix product. */
export function squareMatMulFlops(size: number): number {
  return 2 * size ** 3;
}
