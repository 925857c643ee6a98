import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { open } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** The dev server flushes SQLite and stops its services on SIGTERM; this is plenty for that. */
const STOP_GRACE_MS = 15_000;

/** How the server process ended: its exit code, or the signal that ended it. */
export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One spawned server process, owned by whoever spawned it. */
export interface ServerProcess {
  /** Undefined only when the spawn itself failed; `exited` has then settled. */
  pid: number | undefined;
  /** Settles when the process exits, for whatever reason (a failed spawn included). */
  exited: Promise<ServerExit>;
  /** SIGTERM to this pid only, SIGKILL after a grace period; resolves once it is gone. */
  stop(): Promise<void>;
}

/** Spawns `binary args` with stdout and stderr appended to `logFile`. */
export async function spawnServerProcess(
  binary: string,
  args: readonly string[],
  options: { logFile: string; env: NodeJS.ProcessEnv },
): Promise<ServerProcess> {
  const log = await open(options.logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(binary, args, { stdio: ['ignore', log.fd, log.fd], env: options.env });
  } catch (error) {
    await log.close();
    throw error;
  }

  // Listen before awaiting anything: a program that exits at once would otherwise emit
  // 'exit' while the log is being closed, and nobody would ever hear of it.
  let exit: ServerExit | undefined;
  const exited = new Promise<ServerExit>((resolve) => {
    const settle = (state: ServerExit) => {
      exit ??= state;
      resolve(exit);
    };
    child.once('exit', (code, signal) => settle({ code, signal }));
    child.once('error', () => settle({ code: null, signal: null }));
  });
  // The child holds its own copy of the descriptor.
  await log.close();

  return {
    pid: child.pid,
    exited,
    stop: () => (exit ? Promise.resolve() : terminate(child, exited)),
  };
}

async function terminate(child: ChildProcess, exited: Promise<ServerExit>): Promise<void> {
  child.kill('SIGTERM');
  const grace = new AbortController();
  const inTime = await Promise.race([
    exited.then(() => true),
    sleep(STOP_GRACE_MS, false, { signal: grace.signal }).catch(() => false),
  ]);
  grace.abort();
  if (inTime) return;

  child.kill('SIGKILL');
  await exited;
}
