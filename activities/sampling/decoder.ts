import { ValidationError } from '../../events/errors';

/**
 * Turns latent vectors into images. It takes a whole batch so that a model backend can
 * decode every sample of a jump in one forward pass; `TImage` is whatever the caller stores
 * as an artefact (pixels, a PNG buffer). Sampling never looks inside an image.
 */
export type Decoder<TImage> = (latents: readonly Float32Array[]) => TImage[];

/** A synthetic sample shown to experts: where it lies in the embedding and what it looks like. */
export interface SyntheticSample<TImage> {
  latent: Float32Array;
  image: TImage;
}

/** Decodes `latents` in one call and pairs each with its image. */
export function decodeSamples<TImage>(
  latents: Float32Array[],
  decode: Decoder<TImage>,
): SyntheticSample<TImage>[] {
  const images = decode(latents);
  if (images.length !== latents.length) {
    throw new ValidationError(
      `decoder: expected ${latents.length} images, one per latent, received ${images.length}`,
    );
  }
  return latents.map((latent, i) => ({ latent, image: images[i]! }));
}
