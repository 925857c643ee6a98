import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { inject } from 'vitest';

import { startTemporalServer } from '../../infra/temporal/server';
import type { StartTemporalServerOptions, TemporalServer } from '../../infra/temporal/server';

/** A Temporal server that belongs to one test, which may stop and restart it at will. */
export interface PrivateTemporalServer {
  /** The running server; replaced by {@link PrivateTemporalServer.restart}. */
  readonly server: TemporalServer;
  /** The throwaway folder that holds the SQLite file and the server log. */
  readonly folder: string;
  /** Stops the server and starts it again on the same db file and the same ports. */
  restart(): Promise<TemporalServer>;
  /** Stops the server and deletes its folder. */
  dispose(): Promise<void>;
}

/** Starts a private server on free ports with the CLI the global setup verified. */
export async function startPrivateTemporalServer(
  options: Omit<StartTemporalServerOptions, 'dbFile'> = {},
): Promise<PrivateTemporalServer> {
  const folder = await mkdtemp(join(tmpdir(), 'active-clustering-temporal-private-'));
  const dbFile = join(folder, 'temporal.sqlite');
  const start = { cliPath: inject('temporalCliPath'), ...options, dbFile };
  let server = await startTemporalServer(start).catch(async (error: unknown) => {
    await rm(folder, { recursive: true, force: true });
    throw error;
  });
  const ports = { port: portOf(server.address), uiPort: portOf(server.uiUrl) };

  return {
    get server() {
      return server;
    },
    folder,
    async restart() {
      await server.stop();
      server = await startTemporalServer({ ...start, ...ports });
      return server;
    },
    async dispose() {
      await server.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

function portOf(address: string): number {
  return Number(address.slice(address.lastIndexOf(':') + 1));
}
