import type { Random } from '../clustering/seeded-random';

/** How much each training image may be moved before the autoencoder sees it. */
export interface Augmentation {
  /** Largest translation in pixels, along each axis. */
  maxShift: number;
  /** Largest rotation in radians, either way. */
  maxRotation: number;
  /** Largest relative change of scale, either way (0.1 = 90% .. 110%). */
  maxScale: number;
}

/**
 * Writes a randomly moved copy of each single-channel image (a small rotation, scaling and
 * translation about the centre, bilinear, zero outside) into `out`. A digit shifted by a
 * pixel or two is still the same digit, so training on moved copies teaches the encoder to
 * ignore exactly the variations that scatter raw pixels, and multiplies the few thousand
 * images a round has.
 */
export function augmentImages(
  images: Float32Array,
  count: number,
  side: number,
  augmentation: Augmentation,
  random: Random,
  out: Float32Array,
): void {
  const centre = (side - 1) / 2;
  const pixels = side * side;
  const spread = (limit: number) => (random() * 2 - 1) * limit;

  for (let n = 0; n < count; n++) {
    const angle = spread(augmentation.maxRotation);
    const scale = 1 + spread(augmentation.maxScale);
    const shiftX = spread(augmentation.maxShift);
    const shiftY = spread(augmentation.maxShift);
    // Inverse map: for each output pixel, where it comes from in the source image.
    const cos = Math.cos(angle) / scale;
    const sin = Math.sin(angle) / scale;
    const source = images.subarray(n * pixels, (n + 1) * pixels);
    const target = out.subarray(n * pixels, (n + 1) * pixels);

    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        const dx = x - centre - shiftX;
        const dy = y - centre - shiftY;
        const sx = cos * dx + sin * dy + centre;
        const sy = -sin * dx + cos * dy + centre;
        target[y * side + x] = bilinear(source, side, sx, sy);
      }
    }
  }
}

function bilinear(image: Float32Array, side: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const at = (xi: number, yi: number) =>
    xi < 0 || yi < 0 || xi >= side || yi >= side ? 0 : image[yi * side + xi]!;
  const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
  const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}
