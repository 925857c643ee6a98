import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  openArtefactFolder,
  type ArtefactFolder,
} from '../../../activities/artefacts/artefact-folder';
import { createSampleImages } from '../../../web/src/lib/server/images/sample-images';
import { sampleResponse } from '../../../web/src/lib/server/images/sample-response';
import { decodeGrayscalePng } from './png-decoder';

/** A 28 x 28 sample as the decoder stores it: raw little-endian float32 intensities. */
function sampleBytes(intensityOf: (index: number) => number): Uint8Array {
  const bytes = new Uint8Array(28 * 28 * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 28 * 28; i += 1) view.setFloat32(i * 4, intensityOf(i), true);
  return bytes;
}

async function statusOf(response: Promise<Response>): Promise<number> {
  try {
    return (await response).status;
  } catch (thrown) {
    return (thrown as { status: number }).status;
  }
}

describe('sample route', () => {
  let folder: string;
  let artefacts: ArtefactFolder;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'samples-'));
    artefacts = openArtefactFolder(folder);
  });

  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('serves a stored sample as a 28 x 28 PNG, clamping intensities outside [0, 1]', async () => {
    const values = [0, 0.5, 1, -0.3, 1.7, Number.NaN];
    const hash = await artefacts.put(sampleBytes((i) => values[i % values.length]!));

    const response = await sampleResponse(createSampleImages(artefacts), hash);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const png = decodeGrayscalePng(Buffer.from(await response.arrayBuffer()));
    expect([png.width, png.height, png.checksumsValid]).toEqual([28, 28, true]);
    expect(Array.from(png.pixels.subarray(0, 6))).toEqual([0, 128, 255, 0, 255, 0]);
  });

  it.each([
    ['upper-case hex', 'A'.repeat(64)],
    ['63 digits', 'a'.repeat(63)],
    ['65 digits', 'a'.repeat(65)],
    ['a path', `../${'a'.repeat(61)}`],
    ['not hex', 'g'.repeat(64)],
    ['nothing', ''],
  ])('answers 400 to an address of %s', async (_case, hash) => {
    expect(await statusOf(sampleResponse(createSampleImages(artefacts), hash))).toBe(400);
  });

  it('quotes a long address cut short in its 400', async () => {
    const thrown = await sampleResponse(createSampleImages(artefacts), 'z'.repeat(5000)).catch(
      (error: { body: { message: string } }) => error.body.message,
    );
    expect(thrown).toBe(
      'sample address must be 64 lowercase hex digits, ' +
        `got "${'z'.repeat(70)}…" (5000 characters)`,
    );
  });

  it('answers 404 to a well-formed address with no sample', async () => {
    expect(await statusOf(sampleResponse(createSampleImages(artefacts), 'f'.repeat(64)))).toBe(404);
  });

  it('refuses a stored artefact that is no square image as a server fault', async () => {
    const hash = await artefacts.put(new Uint8Array(3 * 4));

    await expect(sampleResponse(createSampleImages(artefacts), hash)).rejects.toThrow(
      'a sample must hold a square of float32 pixels, got 12 bytes',
    );
  });
});
