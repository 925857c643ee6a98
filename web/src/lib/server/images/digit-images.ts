import { NotFoundError } from '../../../../../events/errors';
import type { DatasetView } from '../read-model';
import { encodeGrayscalePng, toGrayBytes } from './png';
import { shownInput } from '../../../../../events/rules/shown-input';

/** Reads digits the way the training activities do: `count` of them from `offset` on. */
export type LoadDigits = (request: { count: number; offset: number }) => {
  images: Float32Array;
  width: number;
  height: number;
};

/** Turns a campaign's image id into a PNG. */
export interface DigitImages {
  png(campaignId: string, imageId: number): Buffer;
}

/**
 * Image ids index the campaign's registered dataset, as the round activities load it, so
 * image `i` of a dataset starting at `offset` is digit `offset + i`. PNGs are kept, since the
 * same few queried images are requested on every refresh.
 */
export function createDigitImages(
  datasetOf: (campaignId: string) => DatasetView | undefined,
  loadDigits: LoadDigits,
): DigitImages {
  const encoded = new Map<string, Buffer>();

  return {
    png(campaignId, imageId) {
      const dataset = datasetOf(campaignId);
      if (!dataset)
        throw new NotFoundError(`campaign ${shownInput(campaignId)} has no registered dataset`);
      if (!Number.isInteger(imageId) || imageId < 0 || imageId >= dataset.count) {
        throw new NotFoundError(
          `image ${imageId} is not in campaign ${campaignId}; expected 0 to ${dataset.count - 1}`,
        );
      }

      const key = `${dataset.offset + imageId}`;
      const cached = encoded.get(key);
      if (cached) return cached;

      const digit = loadDigits({ count: 1, offset: dataset.offset + imageId });
      const png = encodeGrayscalePng(digit.width, digit.height, toGrayBytes(digit.images));
      encoded.set(key, png);
      return png;
    },
  };
}
