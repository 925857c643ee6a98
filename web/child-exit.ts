import type { ChildProcess } from 'node:child_process';

/** A child's exit code (null when a signal ended it); rejects if the child cannot start. */
export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
}
