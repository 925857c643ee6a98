import { ValidationError } from '../../events/errors';
import type { ImageSet } from './image-set';

/** The image geometry a model was built for. */
export interface ImageShape {
  width: number;
  height: number;
  channels: number;
}

/**
 * Refuses an image set a model cannot take: no images, a geometry other than `expected`,
 * a buffer whose length disagrees with its count, or a pixel that is NaN, infinite or
 * outside [0, 1] (raw 0-255 bytes are the usual cause). Reads every pixel once.
 */
export function validateImages(set: ImageSet, expected: ImageShape, input = 'images'): void {
  const { images, count, width, height, channels } = set;
  if (!Number.isInteger(count) || count < 1) {
    throw new ValidationError(`${input}: expected at least one image, received count ${count}`);
  }
  if (width !== expected.width || height !== expected.height) {
    throw new ValidationError(
      `${input}: expected ${expected.width}x${expected.height} images, ` +
        `received ${width}x${height}`,
    );
  }
  if (channels !== expected.channels) {
    throw new ValidationError(
      `${input}: expected ${expected.channels} channel(s), received ${channels}`,
    );
  }
  const size = count * width * height * channels;
  if (images.length !== size) {
    throw new ValidationError(
      `${input}: expected ${size} values for ${count} images of ` +
        `${width}x${height}x${channels}, received ${images.length}`,
    );
  }

  for (let i = 0; i < size; i++) {
    const pixel = images[i]!;
    if (!(pixel >= 0 && pixel <= 1)) {
      const image = Math.floor(i / (width * height * channels));
      throw new ValidationError(
        `${input}: pixel ${i} of image ${image} is ${pixel}, expected a number in [0, 1]`,
      );
    }
  }
}
