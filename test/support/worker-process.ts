import { startWorkerEntry, type OwnedProcess } from '../../infra/owned-process';

export interface WorkerProcess extends OwnedProcess {
  /** Every line the worker printed so far. */
  lines: string[];
  /** Resolves with the first line matching `pattern`, printed before or after the call. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

/**
 * Starts the product's real worker entry (infra/worker.ts) as a child process, so a test can
 * kill it by pid the way a crash would.
 */
export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const worker = startWorkerEntry(env, (line) => {
    lines.push(line);
    for (const waiter of waiters.filter(({ pattern }) => pattern.test(line))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  });

  const waitForLine = (pattern: RegExp, timeoutMs = 600_000) => {
    const seen = lines.find((line) => pattern.test(line));
    if (seen) return Promise.resolve(seen);
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `worker ${worker.pid} never printed ${pattern}:\n${lines.slice(-20).join('\n')}`,
            ),
          ),
        timeoutMs,
      );
      waiters.push({ pattern, resolve: (line) => (clearTimeout(timer), resolve(line)) });
    });
  };

  return { ...worker, lines, waitForLine };
}
