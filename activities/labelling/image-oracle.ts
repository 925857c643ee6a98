import { ValidationError } from '../../events/errors';
import { nearestRows } from './nearest-rows';

/** Real images with their true classes, row-major pixels of `width` values each. */
export interface ReferenceImages {
  pixels: Float32Array;
  width: number;
  truth: ArrayLike<number>;
}

/**
 * The true class of a synthetic image, for offline campaigns: the majority class of its `k`
 * nearest reference images in pixel space (default 5). A tie goes to the tied class whose
 * member is nearest, so the oracle never answers with a coin flip. Decoded samples look
 * like blurred digits, and near neighbours in pixels are what a person would compare.
 */
export function syntheticClassOracle(reference: ReferenceImages, k = 5) {
  const { pixels, width, truth } = reference;
  checkReference(reference, k);

  return (sample: Float32Array): number => {
    if (sample.length !== width) {
      throw new ValidationError(
        `sample: expected ${width} pixels like the reference images, received ${sample.length}`,
      );
    }
    const votes = new Map<number, number>();
    const nearest = nearestRows(pixels, width, sample, k).map((row) => truth[row]!);
    for (const trueClass of nearest) votes.set(trueClass, (votes.get(trueClass) ?? 0) + 1);
    const most = Math.max(...votes.values());
    return nearest.find((trueClass) => votes.get(trueClass) === most)!;
  };
}

function checkReference({ pixels, width, truth }: ReferenceImages, k: number) {
  const count = pixels.length / width;
  if (!Number.isInteger(width) || width < 1 || !Number.isInteger(count) || count < 1) {
    throw new ValidationError(
      `reference: expected whole images of width >= 1, received ${pixels.length} pixels ` +
        `of width ${width}`,
    );
  }
  if (truth.length !== count) {
    throw new ValidationError(
      `reference: expected one true class per image (${count}), received ${truth.length}`,
    );
  }
  if (!Number.isInteger(k) || k < 1 || k > count) {
    throw new ValidationError(`k: expected an integer in 1..${count}, received ${k}`);
  }
}
