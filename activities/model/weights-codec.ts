import { ValidationError } from '../../events/errors';

const magic = 0x31574341; // 'ACW1' little-endian: active-clustering weights, format 1

/**
 * Packs weight arrays into one byte string: magic, header length, a JSON header of the
 * shapes, padding to 4 bytes, then every value as little-endian float32. The header lets
 * a reader refuse weights of another architecture instead of loading garbage.
 */
export function encodeWeights(weights: { shape: number[]; values: Float32Array }[]): Uint8Array {
  const header = new TextEncoder().encode(JSON.stringify({ shapes: weights.map((w) => w.shape) }));
  const dataStart = align4(8 + header.length);
  const total = weights.reduce((sum, w) => sum + w.values.length, 0);
  const bytes = new Uint8Array(dataStart + total * 4);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic, true);
  view.setUint32(4, header.length, true);
  bytes.set(header, 8);

  let offset = dataStart;
  for (const { values } of weights) {
    for (let i = 0; i < values.length; i++, offset += 4) view.setFloat32(offset, values[i]!, true);
  }
  return bytes;
}

/** The shapes `encodeWeights` wrote into the header of `bytes`. */
export function weightShapesOf(bytes: Uint8Array): number[][] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 8 || view.getUint32(0, true) !== magic) {
    throw new ValidationError(`weights: expected the ACW1 weight format, received other bytes`);
  }
  const headerLength = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as {
    shapes: number[][];
  };
  return header.shapes;
}

/** Unpacks `encodeWeights` output, refusing bytes that are not weights of `expected` shapes. */
export function decodeWeights(bytes: Uint8Array, expected: number[][]): Float32Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = { shapes: weightShapesOf(bytes) };
  const headerLength = view.getUint32(4, true);
  if (JSON.stringify(header.shapes) !== JSON.stringify(expected)) {
    throw new ValidationError(
      `weights: expected shapes ${JSON.stringify(expected)} for this model config, ` +
        `received ${JSON.stringify(header.shapes)}`,
    );
  }

  let offset = align4(8 + headerLength);
  return expected.map((shape) => {
    const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
    for (let i = 0; i < values.length; i++, offset += 4) values[i] = view.getFloat32(offset, true);
    return values;
  });
}

function align4(length: number): number {
  return Math.ceil(length / 4) * 4;
}
