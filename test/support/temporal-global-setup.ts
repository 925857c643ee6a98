import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TestProject } from 'vitest/node';

import { ensureTemporalCli } from '../../infra/temporal/cli';
import { startTemporalServer } from '../../infra/temporal/server';

declare module 'vitest' {
  /** What the integration global setup hands to every test through `inject`. */
  export interface ProvidedContext {
    /** gRPC frontend of the one Temporal server shared by the integration run. */
    temporalAddress: string;
    /** Absolute path of the verified `temporal` binary, for tests that start their own. */
    temporalCliPath: string;
  }
}

/**
 * Starts one real Temporal dev server, on free loopback ports and a throwaway SQLite file, for
 * the whole integration run. Tests that stop or restart a server start a private one instead
 * (see `temporal-private-server.ts`), so this shared one never goes away under other tests.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cliPath = await ensureTemporalCli({
    onProgress: (message) => console.info(`[temporal cli] ${message}`),
  });
  const folder = await mkdtemp(join(tmpdir(), 'active-clustering-temporal-'));
  const server = await startTemporalServer({ dbFile: join(folder, 'temporal.sqlite'), cliPath });

  project.provide('temporalAddress', server.address);
  project.provide('temporalCliPath', cliPath);

  return async () => {
    await server.stop();
    await rm(folder, { recursive: true, force: true });
  };
}
