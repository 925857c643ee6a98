import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';

import { IllegalStateError } from '../events/errors';

/**
 * Claims the data folder for this process until the returned release is called. Two
 * `npm start` runs on one folder would run two workers and two Temporal servers on the same
 * history files; the second is refused, naming the first. A claim left by a process that
 * no longer runs (killed with SIGKILL), or whose pid now belongs to another program, is
 * taken over: the claim names the script, and /proc tells what the pid runs now.
 */
export function claimDataDir(
  dataDir: string,
  pid = process.pid,
  script = process.argv[1] ?? '',
): () => void {
  const file = join(dataDir, 'npm-start.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${pid}\n${script}\n`);
      closeSync(fd);
      return () => {
        if (claimOf(file)?.pid === pid) rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = claimOf(file);
      if (owner !== null && stillHolds(owner)) {
        throw new IllegalStateError(
          `DATA_DIR ${dataDir} is in use by npm start with pid ${owner.pid}: stop that one ` +
            'first, or set DATA_DIR to another folder',
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new IllegalStateError(`DATA_DIR ${dataDir}: could not claim ${file}, try again`);
}

interface Claim {
  pid: number;
  script: string;
}

function claimOf(file: string): Claim | null {
  try {
    const [pidLine = '', script = ''] = readFileSync(file, 'utf8').split('\n');
    const pid = Number(pidLine.trim());
    return Number.isInteger(pid) && pid > 0 ? { pid, script } : null;
  } catch {
    return null;
  }
}

function stillHolds({ pid, script }: Claim): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs, under another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  if (script === '' || !existsSync(cmdline)) return true;
  try {
    // The file name only: the command line may name the script by a relative path.
    return readFileSync(cmdline, 'utf8').includes(basename(script));
  } catch {
    return true;
  }
}
