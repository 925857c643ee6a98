import { crc32, deflateSync } from 'node:zlib';
import { ValidationError } from '../../../../../events/errors';

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, checksum]);
}

/**
 * Encodes 8-bit grayscale pixels, row by row, as a PNG. Enough for digits; no colour, no
 * filtering (each row is stored with filter type 0), compression left to zlib.
 */
export function encodeGrayscalePng(width: number, height: number, pixels: Uint8Array): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new ValidationError(`png size must be positive integers, got ${width}x${height}`);
  }
  if (pixels.length !== width * height) {
    throw new ValidationError(
      `png of ${width}x${height} needs ${width * height} pixels, got ${pixels.length}`,
    );
  }

  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // bit depth 8, grayscale, deflate, no filter, no interlace

  const rows = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y += 1) {
    rows.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }

  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Maps intensities in [0, 1] to bytes, clamping anything outside. */
export function toGrayBytes(intensities: Float32Array): Uint8Array {
  return Uint8Array.from(intensities, (value) => Math.round(Math.min(1, Math.max(0, value)) * 255));
}
