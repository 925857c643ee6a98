import { crc32, inflateSync } from 'node:zlib';

/** What a PNG says about itself, read back chunk by chunk with every checksum verified. */
export interface DecodedPng {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  filters: number[];
  pixels: Uint8Array;
  checksumsValid: boolean;
}

/** Reads an 8-bit grayscale PNG without filtering, the only kind the web app writes. */
export function decodeGrayscalePng(png: Buffer): DecodedPng {
  let offset = 8;
  let header: Buffer = Buffer.alloc(0);
  const data: Buffer[] = [];
  let checksumsValid = true;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const typed = png.subarray(offset + 4, offset + 8 + length);
    const type = typed.subarray(0, 4).toString('ascii');
    checksumsValid &&= crc32(typed) === png.readUInt32BE(offset + 8 + length);
    if (type === 'IHDR') header = typed.subarray(4);
    if (type === 'IDAT') data.push(typed.subarray(4));
    offset += 12 + length;
  }

  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const rows = inflateSync(Buffer.concat(data));
  const filters = Array.from({ length: height }, (_, y) => rows[y * (width + 1)]!);
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    pixels.set(rows.subarray(y * (width + 1) + 1, (y + 1) * (width + 1)), y * width);
  }
  return {
    width,
    height,
    bitDepth: header[8]!,
    colourType: header[9]!,
    filters,
    pixels,
    checksumsValid,
  };
}
