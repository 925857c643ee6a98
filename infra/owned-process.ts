import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

/** A child process this program started and alone may stop, by its pid. */
export interface OwnedProcess {
  name: string;
  pid: number;
  exited: Promise<number | null>;
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL, as a crash would: no chance to clean up. */
  kill(): Promise<void>;
}

/** Starts `command args`, handing every output line to `onLine`. */
export function startOwnedProcess(
  name: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; onLine?: (line: string) => void },
): OwnedProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start ${name}: ${command}`);

  for (const output of [child.stdout, child.stderr]) {
    createInterface({ input: output }).on('line', (line) => options.onLine?.(line));
  }
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
  });
  let gone = false;
  void exited.then(() => (gone = true));

  const signal = async (name: NodeJS.Signals, graceMs: number) => {
    if (gone) return;
    child.kill(name);
    const stopped = await Promise.race([exited.then(() => true), sleep(graceMs, false)]);
    if (!stopped) {
      child.kill('SIGKILL');
      await exited;
    }
  };

  return {
    name,
    pid: child.pid,
    exited,
    stop: (graceMs = 10_000) => signal('SIGTERM', graceMs),
    kill: () => signal('SIGKILL', 10_000),
  };
}

/** Starts the product's worker entry (infra/worker.ts) with its settings in `env`. */
export function startWorkerEntry(env: NodeJS.ProcessEnv, onLine: (line: string) => void) {
  return startOwnedProcess('worker', process.execPath, ['--import', 'tsx', 'infra/worker.ts'], {
    env,
    onLine,
  });
}
