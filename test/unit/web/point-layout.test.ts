import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  openArtefactFolder,
  type ArtefactFolder,
} from '../../../activities/artefacts/artefact-folder';
import { encodeClustering } from '../../../activities/round/clustering-artefact';
import { createPointLayouts } from '../../../web/src/lib/server/labelling/point-layout';

// Little-endian float32 rows, as the round activity stores the layout.
function float32le(values: number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((value, index) => view.setFloat32(index * 4, value, true));
  return bytes;
}

describe('point layout from the artefact folder', () => {
  let folder: string;
  let artefacts: ArtefactFolder;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'layout-'));
    artefacts = openArtefactFolder(folder);
  });

  afterEach(() => rm(folder, { recursive: true, force: true }));

  async function storeRound(layout: number[], width: number, centroids: number[]) {
    const embeddingHash = await artefacts.put(float32le(layout));
    const k = centroids.length / width;
    const clusteringHash = await artefacts.put(
      encodeClustering({ embeddingHash, width, k, centroids }),
    );
    return { round: 2, embeddingHash, clusteringHash };
  }

  it("gives each point its 2-D position and its nearest centroid's cluster", async () => {
    const ref = await storeRound([0, 0, 0.5, 1.5, 9, 9, 10, 8.5], 2, [0, 0, 10, 10]);

    const layout = await createPointLayouts(artefacts).layoutOf(ref);

    expect(layout).toEqual({
      round: 2,
      dimensions: 2,
      points: [
        { id: 0, x: 0, y: 0, cluster: 0 },
        { id: 1, x: 0.5, y: 1.5, cluster: 0 },
        { id: 2, x: 9, y: 9, cluster: 1 },
        { id: 3, x: 10, y: 8.5, cluster: 1 },
      ],
    });
  });

  it('plots the first two of three dimensions and clusters on all three', async () => {
    const ref = await storeRound([1, 1, 0, 1, 1, 5], 3, [1, 1, 0, 1, 1, 6]);

    const layout = await createPointLayouts(artefacts).layoutOf(ref);

    expect(layout.dimensions).toBe(3);
    expect(layout.points).toEqual([
      { id: 0, x: 1, y: 1, cluster: 0 },
      { id: 1, x: 1, y: 1, cluster: 1 },
    ]);
  });

  it('names the missing artefact, and reads it once it arrived', async () => {
    const ref = await storeRound([0, 0, 1, 1], 2, [0, 0, 1, 1]);
    const moved = { ...ref, clusteringHash: 'e'.repeat(64) };
    const layouts = createPointLayouts(artefacts);

    await expect(layouts.layoutOf(moved)).rejects.toThrow(`no artefact ${'e'.repeat(64)}`);
    expect((await layouts.layoutOf(ref)).points.length).toBe(2);
  });
});
