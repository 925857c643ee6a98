import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

import { IllegalStateError, NotFoundError } from '../../events/errors';
import { ensureTemporalCli } from './cli';
import { startDevFlags } from './cli-probe';
import { assertPortFree, freePorts } from './free-port';
import { readLogTail } from './log-tail';
import { devServerArgs } from './server-args';
import type { DevServerSettings } from './server-args';
import type { ServerExit } from './server-process';
import { spawnServerProcess } from './server-process';
import { waitForFrontend } from './wait-for-frontend';

const LOOPBACK = '127.0.0.1';
const DEFAULT_READY_TIMEOUT_MS = 60_000;

/** How to start one Temporal dev server. Ports left out are picked free on loopback. */
export interface StartTemporalServerOptions {
  /** SQLite file that persists workflows across restarts; its folder is created. */
  dbFile: string;
  /** Frontend gRPC port. */
  port?: number;
  /** Web UI port. */
  uiPort?: number;
  /** Namespace created at launch (and the one probed for readiness); `default` by default. */
  namespace?: string;
  /** Where the server's stdout and stderr are appended; `<dbFile>.log` by default. */
  logFile?: string;
  /** The `temporal` binary; installed or found by `ensureTemporalCli` when left out. */
  cliPath?: string;
  /** How long the frontend may take to answer; 60 s by default. */
  readyTimeoutMs?: number;
  /** Progress of a CLI install, when one is needed. */
  onProgress?: (message: string) => void;
}

/** A running dev server whose frontend has answered. */
export interface TemporalServer {
  /** gRPC frontend, `127.0.0.1:<port>`. */
  address: string;
  uiUrl: string;
  pid: number;
  dbFile: string;
  logFile: string;
  /** Settles when the process exits, for whatever reason. */
  exited: Promise<ServerExit>;
  /** SIGTERM to this server's pid only, SIGKILL if it is still alive after a grace period. */
  stop(): Promise<void>;
}

/** Starts `temporal server start-dev` on loopback and resolves once its frontend answers. */
export async function startTemporalServer(
  options: StartTemporalServerOptions,
): Promise<TemporalServer> {
  const cliPath = resolve(
    options.cliPath ?? (await ensureTemporalCli({ onProgress: options.onProgress })),
  );
  await assertExecutable(cliPath);
  const dbFile = resolve(options.dbFile);
  const logFile = resolve(options.logFile ?? `${dbFile}.log`);
  const settings = await settingsFor(options, dbFile, await startDevFlags(cliPath));
  const address = `${LOOPBACK}:${settings.port}`;
  const timeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;

  await mkdir(dirname(dbFile), { recursive: true });
  await mkdir(dirname(logFile), { recursive: true });
  const server = await spawnServerProcess(cliPath, devServerArgs(settings), {
    logFile,
    // Belt and braces with the dynamic config flag: no call home from the server.
    env: { ...process.env, TEMPORAL_VERSION_CHECK_DISABLED: '1' },
  });
  const wait = await waitForFrontend({
    address,
    namespace: settings.namespace,
    timeoutMs,
    exited: server.exited,
  });

  if (!wait.ready) {
    await server.stop();
    const why =
      wait.reason === 'timeout'
        ? `did not answer describeNamespace("${settings.namespace}") within ${timeoutMs} ms ` +
          `(last error: ${wait.lastError})`
        : `exited (${describeExit(await server.exited)}) before its frontend answered`;
    throw new IllegalStateError(
      `Temporal server "${cliPath}" at ${address} ${why}; expected a running server. ` +
        `Tail of ${logFile}:\n${await readLogTail(logFile)}`,
    );
  }

  return {
    address,
    uiUrl: `http://${LOOPBACK}:${settings.uiPort}`,
    pid: server.pid as number,
    dbFile,
    logFile,
    exited: server.exited,
    stop: server.stop,
  };
}

async function assertExecutable(cliPath: string): Promise<void> {
  try {
    await access(cliPath, constants.X_OK);
  } catch (error) {
    throw new NotFoundError(
      `Temporal CLI "${cliPath}" is not an executable file ` +
        `(${(error as NodeJS.ErrnoException).code}); expected the path of the temporal binary.`,
    );
  }
}

async function settingsFor(
  options: StartTemporalServerOptions,
  dbFile: string,
  flags: Set<string>,
): Promise<DevServerSettings> {
  if (options.port !== undefined) await assertPortFree(options.port, 'Frontend');
  if (options.uiPort !== undefined) await assertPortFree(options.uiPort, 'Web UI');
  const [port, uiPort, httpPort, metricsPort] = await freePorts(4);

  return {
    dbFile,
    ip: LOOPBACK,
    port: options.port ?? (port as number),
    uiPort: options.uiPort ?? (uiPort as number),
    httpPort: httpPort as number,
    metricsPort: metricsPort as number,
    namespace: options.namespace ?? 'default',
    canDisableUiNewsFetch: flags.has('--ui-disable-news-fetch'),
  };
}

function describeExit(exit: ServerExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}
