import type { ArtefactFolder } from '../../../../../activities/artefacts/artefact-folder';
import { NotFoundError, ValidationError } from '../../../../../events/errors';
import { encodeGrayscalePng, toGrayBytes } from './png';

/** Turns a synthetic sample, stored by its content address, into a PNG. */
export interface SampleImages {
  png(hash: string): Promise<Buffer>;
}

/** Whether a string is a content address: 64 lowercase hex digits, nothing else. */
export const isSampleHash = (hash: string) => /^[0-9a-f]{64}$/.test(hash);

/**
 * A sample is square raw little-endian float32 intensities (28 x 28 for MNIST), about [0, 1]
 * as the decoder produced them; outside values are clamped, NaN shows black.
 */
export function samplePng(bytes: Uint8Array): Buffer {
  const values = bytes.byteLength / 4;
  const side = Math.round(Math.sqrt(values));
  if (!Number.isInteger(values) || values === 0 || side * side !== values) {
    throw new ValidationError(
      `a sample must hold a square of float32 pixels, got ${bytes.byteLength} bytes`,
    );
  }

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const intensities = Float32Array.from({ length: values }, (_, i) => {
    const value = view.getFloat32(i * 4, true);
    return Number.isNaN(value) ? 0 : value;
  });
  return encodeGrayscalePng(side, side, toGrayBytes(intensities));
}

/**
 * Checks the address strictly before touching the folder, so that nothing but a content
 * address ever becomes a path.
 */
export function createSampleImages(artefacts: Pick<ArtefactFolder, 'get' | 'has'>): SampleImages {
  return {
    async png(hash) {
      if (!isSampleHash(hash)) {
        throw new ValidationError(
          `sample address must be 64 lowercase hex digits, got ${JSON.stringify(hash)}`,
        );
      }
      if (!artefacts.has(hash)) throw new NotFoundError(`no sample ${hash} in the artefacts`);
      return samplePng(await artefacts.get(hash));
    },
  };
}
