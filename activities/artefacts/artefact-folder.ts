import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { NotFoundError, ValidationError } from '../../events/errors';

/**
 * Content-addressed storage for large artefacts (weights, embeddings, images). Events carry
 * only the sha256; the bytes live here, written once and never changed.
 */
export interface ArtefactFolder {
  put(bytes: Uint8Array): Promise<string>;
  get(hash: string): Promise<Uint8Array>;
  has(hash: string): boolean;
  /**
   * A named, replaceable pointer beside the immutable artefacts (like a git ref), e.g. the
   * latest training checkpoint of a round. Written atomically; undefined when never written.
   */
  writeRef(name: string, value: string): Promise<void>;
  readRef(name: string): Promise<string | undefined>;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function openArtefactFolder(root: string): ArtefactFolder {
  const pathOf = (hash: string) => {
    if (!/^[0-9a-f]{64}$/.test(hash)) {
      throw new ValidationError(`artefact hash must be 64 hex digits, got ${JSON.stringify(hash)}`);
    }
    return join(root, hash.slice(0, 2), hash.slice(2));
  };

  const refPath = (name: string) => {
    if (!/^[\w.-]+(\/[\w.-]+)*$/.test(name) || name.split('/').includes('..')) {
      throw new ValidationError(`ref name must be path segments of [A-Za-z0-9_.-], got ${name}`);
    }
    return join(root, 'refs', name);
  };

  return {
    async put(bytes) {
      const hash = sha256(bytes);
      const path = pathOf(hash);
      if (existsSync(path)) return hash;

      // Write beside the target and rename, so a crash never leaves a half artefact
      // under a valid address.
      await mkdir(dirname(path), { recursive: true });
      const partial = `${path}.${randomUUID()}.partial`;
      await writeFile(partial, bytes);
      await rename(partial, path);
      return hash;
    },

    async get(hash) {
      const path = pathOf(hash);
      if (!existsSync(path)) throw new NotFoundError(`no artefact ${hash} in ${root}`);

      const bytes = new Uint8Array(await readFile(path));
      if (sha256(bytes) !== hash) {
        throw new ValidationError(`artefact ${hash} in ${root} is corrupt: content hash differs`);
      }
      return bytes;
    },

    has(hash) {
      return existsSync(pathOf(hash));
    },

    async writeRef(name, value) {
      const path = refPath(name);
      await mkdir(dirname(path), { recursive: true });
      const partial = `${path}.${randomUUID()}.partial`;
      await writeFile(partial, value);
      await rename(partial, path);
    },

    async readRef(name) {
      const path = refPath(name);
      return existsSync(path) ? readFile(path, 'utf8') : undefined;
    },
  };
}
