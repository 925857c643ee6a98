import { ValidationError } from '../../events/errors';

/**
 * The `k` rows of a row-major matrix nearest to `target` (Euclidean), nearest first; ties
 * go to the lower index so the answer is the same on every machine. A bounded insertion
 * list, not a full sort: k is a handful while the rows may be a whole dataset.
 */
export function nearestRows(
  rows: Float32Array,
  width: number,
  target: ArrayLike<number>,
  k: number,
  among?: readonly number[],
): number[] {
  if (!Number.isInteger(k) || k < 1) {
    throw new ValidationError(`k: expected an integer >= 1, received ${k}`);
  }

  const count = among === undefined ? rows.length / width : among.length;
  const best: { row: number; distance: number }[] = [];
  for (let i = 0; i < count; i++) {
    const row = among === undefined ? i : among[i]!;
    const distance = squaredDistance(rows, width, row, target);
    if (best.length === k && !isCloser(distance, row, best[k - 1]!)) continue;

    let at = best.length;
    while (at > 0 && isCloser(distance, row, best[at - 1]!)) at--;
    best.splice(at, 0, { row, distance });
    if (best.length > k) best.pop();
  }
  return best.map(({ row }) => row);
}

/** The mean of some rows of a row-major matrix. */
export function centroidOf(rows: Float32Array, width: number, of: readonly number[]) {
  const sum = new Float64Array(width);
  for (const row of of) {
    for (let d = 0; d < width; d++) sum[d]! += rows[row * width + d]!;
  }
  return Float32Array.from(sum, (total) => total / of.length);
}

function squaredDistance(
  rows: Float32Array,
  width: number,
  row: number,
  target: ArrayLike<number>,
) {
  let sum = 0;
  const start = row * width;
  for (let d = 0; d < width; d++) sum += (rows[start + d]! - target[d]!) ** 2;
  return sum;
}

const isCloser = (distance: number, row: number, than: { row: number; distance: number }) =>
  distance < than.distance || (distance === than.distance && row < than.row);
