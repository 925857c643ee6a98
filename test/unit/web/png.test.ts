import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../events/errors';
import { encodeGrayscalePng, toGrayBytes } from '../../../web/src/lib/server/images/png';
import { decodeGrayscalePng } from './png-decoder';

describe('grayscale PNG encoding', () => {
  it.each([
    [1, 1],
    [3, 2],
    [28, 28],
  ])('writes a %ix%i image whose pixels read back unchanged', (width, height) => {
    const pixels = Uint8Array.from({ length: width * height }, (_, index) => (index * 37) % 256);

    const png = encodeGrayscalePng(width, height, pixels);

    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(decodeGrayscalePng(png)).toEqual({
      width,
      height,
      bitDepth: 8,
      colourType: 0,
      filters: Array.from({ length: height }, () => 0),
      pixels,
      checksumsValid: true,
    });
  });

  it.each([
    [0, 28, 0, 'png size must be positive integers, got 0x28'],
    [2.5, 2, 5, 'png size must be positive integers, got 2.5x2'],
    [28, 28, 783, 'png of 28x28 needs 784 pixels, got 783'],
  ])('refuses a %sx%s image of %i pixels', (width, height, count, message) => {
    const encode = () => encodeGrayscalePng(width, height, new Uint8Array(count));

    expect(encode).toThrow(ValidationError);
    expect(encode).toThrow(message);
  });

  it('maps intensities in [0, 1] to bytes and clamps what lies outside', () => {
    const bytes = toGrayBytes(Float32Array.from([0, 0.5, 1, -0.2, 1.7]));

    expect([...bytes]).toEqual([0, 128, 255, 0, 255]);
  });
});
