import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { claimDataDir } from '../../../infra/data-dir-lock';

let dataDir: string;
const claimFile = () => join(dataDir, 'npm-start.pid');

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'data-dir-lock-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('claimDataDir', () => {
  it('writes the claiming pid and removes it on release', () => {
    const release = claimDataDir(dataDir);
    expect(readFileSync(claimFile(), 'utf8')).toBe(`${process.pid}\n${process.argv[1]}\n`);
    release();
    expect(existsSync(claimFile())).toBe(false);
  });

  it('refuses a second claim while the first owner runs, naming it, and keeps its file', () => {
    // This test's own process holds the claim, and its command line names node.
    const release = claimDataDir(dataDir, process.pid, process.execPath);
    expect(() => claimDataDir(dataDir, 424242)).toThrow(
      `DATA_DIR ${dataDir} is in use by npm start with pid ${process.pid}`,
    );
    expect(readFileSync(claimFile(), 'utf8')).toBe(`${process.pid}\n${process.execPath}\n`);
    release();
  });

  it('takes over a claim whose process has exited', () => {
    const exited = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(claimFile(), `${exited}\n`);
    const release = claimDataDir(dataDir, 4242, '/app/infra/start.ts');
    expect(readFileSync(claimFile(), 'utf8')).toBe('4242\n/app/infra/start.ts\n');
    release();
  });

  it('takes over a claim whose pid now runs another program', () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(claimFile(), `${other.pid}\n/app/infra/start.ts\n`);
      const release = claimDataDir(dataDir, 4242, '/app/infra/start.ts');
      expect(readFileSync(claimFile(), 'utf8')).toBe('4242\n/app/infra/start.ts\n');
      release();
    } finally {
      other.kill();
    }
  });

  it('leaves a file another process claimed meanwhile on release', () => {
    const release = claimDataDir(dataDir);
    writeFileSync(claimFile(), '4242\n');
    release();
    expect(readFileSync(claimFile(), 'utf8')).toBe('4242\n');
  });
});
