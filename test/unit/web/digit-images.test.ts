import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../events/errors';
import { createDigitImages } from '../../../web/src/lib/server/images/digit-images';
import type { DatasetView } from '../../../web/src/lib/server/read-model';
import { decodeGrayscalePng } from './png-decoder';

const dataset: DatasetView = { kind: 'mnist', count: 100, offset: 500 };

/** A digit loader that paints digit n with intensity n / 1000 and notes what it was asked. */
function paintingLoader() {
  const requests: { count: number; offset: number }[] = [];
  const load = (request: { count: number; offset: number }) => {
    requests.push(request);
    return { images: new Float32Array(28 * 28).fill(request.offset / 1000), width: 28, height: 28 };
  };
  return { requests, load };
}

describe('campaign digit images', () => {
  it('serves image i of a dataset starting at an offset as digit offset + i', () => {
    const loader = paintingLoader();
    const images = createDigitImages(() => dataset, loader.load);

    const decoded = decodeGrayscalePng(images.png('mnist-demo', 12));

    expect(loader.requests).toEqual([{ count: 1, offset: 512 }]);
    expect(decoded.width).toBe(28);
    expect(new Set(decoded.pixels)).toEqual(new Set([Math.round(0.512 * 255)]));
  });

  it('encodes each digit once however often it is asked for', () => {
    const loader = paintingLoader();
    const images = createDigitImages(() => dataset, loader.load);

    const first = images.png('mnist-demo', 3);
    const second = images.png('mnist-demo', 3);

    expect(second).toBe(first);
    expect(loader.requests).toHaveLength(1);
  });

  it.each([
    ['mnist-demo', -1, 'image -1 is not in campaign mnist-demo; expected 0 to 99'],
    ['mnist-demo', 100, 'image 100 is not in campaign mnist-demo; expected 0 to 99'],
    ['mnist-demo', 1.5, 'image 1.5 is not in campaign mnist-demo; expected 0 to 99'],
    ['unknown', 0, 'campaign unknown has no registered dataset'],
  ])('refuses campaign %s image %s as not found', (campaignId, imageId, message) => {
    const images = createDigitImages(
      (id) => (id === 'mnist-demo' ? dataset : undefined),
      paintingLoader().load,
    );

    const serve = () => images.png(campaignId, imageId);

    expect(serve).toThrow(NotFoundError);
    expect(serve).toThrow(message);
  });
});
