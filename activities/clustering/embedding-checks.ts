import { ValidationError } from '../../events/errors';

/**
 * Guards an embedding handed to the pure clustering and sampling code: `count` rows of
 * `width` finite numbers, row-major. A NaN would silently poison every distance it touches
 * (comparisons with NaN are all false), so it is refused with the row that holds it.
 */
export function checkEmbedding(points: Float32Array, count: number, width: number): void {
  if (!Number.isInteger(width) || width < 1) {
    throw new ValidationError(`width: expected an integer >= 1, received ${width}`);
  }
  if (!Number.isInteger(count) || count < 1 || points.length !== count * width) {
    throw new ValidationError(
      `points: expected count >= 1 rows of ${width} values (${count} x ${width}), ` +
        `received ${points.length} values for count ${count}`,
    );
  }
  const bad = points.findIndex((value) => !Number.isFinite(value));
  if (bad >= 0) {
    throw new ValidationError(
      `points: expected finite coordinates, received ${points[bad]} at point ` +
        `${Math.floor(bad / width)}, dimension ${bad % width}`,
    );
  }
}

/** Guards one latent vector (a centroid, a sample centre) of the embedding's width. */
export function checkLatent(name: string, latent: Float32Array, width: number): void {
  if (latent.length !== width || width < 1) {
    throw new ValidationError(
      `${name}: expected ${width} values (at least 1), received ${latent.length}`,
    );
  }
  const bad = latent.findIndex((value) => !Number.isFinite(value));
  if (bad >= 0) {
    throw new ValidationError(
      `${name}: expected finite values, received ${latent[bad]} at dimension ${bad}`,
    );
  }
}

/** Euclidean distance between rows `a` and `b` of a row-major embedding. */
export function rowDistance(points: Float32Array, width: number, a: number, b: number): number {
  let sum = 0;
  const p = a * width;
  const q = b * width;
  for (let d = 0; d < width; d++) {
    const diff = points[p + d]! - points[q + d]!;
    sum += diff * diff;
  }
  return Math.sqrt(sum);
}
