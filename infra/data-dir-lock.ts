import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

import { IllegalStateError } from '../events/errors';

/**
 * Claims the data folder for this process until the returned release is called. Two
 * `npm start` runs on one folder would run two workers and two Temporal servers on the same
 * history files; the second is refused, naming the first. A claim left by a process that
 * no longer runs (killed with SIGKILL) is taken over.
 */
export function claimDataDir(dataDir: string, pid = process.pid): () => void {
  const file = join(dataDir, 'npm-start.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${pid}\n`);
      closeSync(fd);
      return () => {
        if (ownerOf(file) === pid) rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = ownerOf(file);
      if (owner !== null && isRunning(owner)) {
        throw new IllegalStateError(
          `DATA_DIR ${dataDir} is in use by npm start with pid ${owner}: stop that one ` +
            'first, or set DATA_DIR to another folder',
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new IllegalStateError(`DATA_DIR ${dataDir}: could not claim ${file}, try again`);
}

function ownerOf(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
