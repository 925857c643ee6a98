import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openArtefactFolder, sha256 } from '../../../activities/artefacts/artefact-folder';

let root: string;
beforeEach(async () => void (root = await mkdtemp(join(tmpdir(), 'artefacts-'))));
afterEach(async () => rm(root, { recursive: true, force: true }));

describe('the artefact folder', () => {
  it('stores bytes under their sha256 and gives them back', async () => {
    const folder = openArtefactFolder(root);
    const bytes = new TextEncoder().encode('weights of round 1');

    const hash = await folder.put(bytes);

    expect(hash).toBe(sha256(bytes));
    expect(await folder.put(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(Buffer.from(await folder.get(hash)).toString()).toBe('weights of round 1');
    expect(folder.has(hash)).toBe(true);
  });

  it('writes the same content once, leaving no partial files', async () => {
    const folder = openArtefactFolder(root);
    const bytes = new Uint8Array([1, 2, 3]);
    const hash = await folder.put(bytes);
    await folder.put(bytes);

    const files = await readdir(join(root, hash.slice(0, 2)));
    expect(files).toEqual([hash.slice(2)]);
  });

  it('refuses an artefact whose bytes no longer match their address', async () => {
    const folder = openArtefactFolder(root);
    const hash = await folder.put(new Uint8Array([1, 2, 3]));
    await writeFile(join(root, hash.slice(0, 2), hash.slice(2)), new Uint8Array([9]));

    await expect(folder.get(hash)).rejects.toThrow(/is corrupt/);
  });

  it.each([
    ['a missing artefact', 'a'.repeat(64), /no artefact a{64}/],
    ['a malformed hash', '../etc/passwd', /must be 64 hex digits/],
  ])('refuses %s', async (_case, hash, message) => {
    await expect(openArtefactFolder(root).get(hash)).rejects.toThrow(message);
  });
});

describe('artefact refs', () => {
  it('keep the latest value written under a name', async () => {
    const folder = openArtefactFolder(root);
    expect(await folder.readRef('checkpoints/c/round-1.json')).toBeUndefined();

    await folder.writeRef('checkpoints/c/round-1.json', '{"nextEpoch":1}');
    await folder.writeRef('checkpoints/c/round-1.json', '{"nextEpoch":2}');

    expect(await folder.readRef('checkpoints/c/round-1.json')).toBe('{"nextEpoch":2}');
  });

  it.each(['../escape', 'a/../../b', '', 'spaces are bad'])('refuse the name %j', async (name) => {
    await expect(openArtefactFolder(root).writeRef(name, 'x')).rejects.toThrow(/ref name/);
  });
});
