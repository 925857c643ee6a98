import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { freePorts } from '../../infra/temporal/free-port';

const startScript = fileURLToPath(new URL('../../infra/start.ts', import.meta.url));
const tsxCommand = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

/** One `npm start` process with what it printed so far. */
interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

async function npmStart(dataDir: string, busyWebPort?: number): Promise<Started> {
  const [temporalPort, uiPort, freeWebPort] = await freePorts(3);
  const webPort = busyWebPort ?? freeWebPort;
  // Through tsx's own command, as `npm start` runs it, in a process group of its own: Ctrl-C
  // signals the whole group, and tsx relays the signal once more.
  const child = spawn(tsxCommand, [startScript, '--no-demo'], {
    detached: true,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      TEMPORAL_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(uiPort),
      PORT: String(webPort),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, output: () => text, exited };
}

async function waitFor(started: Started, pattern: RegExp, ms = 180_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const match = started.output().match(pattern);
    if (match) return match;
    if (started.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`no ${pattern} in npm start's output:\n${started.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The pids npm start printed for the servers it started (the worker's twice, once ready). */
const childPids = (output: string) => [
  ...new Set(
    [...output.matchAll(/\(pid (\d+)\)|^\s+pid (\d+)$/gm)].map((m) => Number(m[1] ?? m[2])),
  ),
];

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let dataDir: string;
let first: Started | undefined;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'npm-start-'));
});

afterAll(async () => {
  // Only what this file started, by pid: npm start, then whatever it left behind.
  if (first && first.child.exitCode === null) {
    first.child.kill('SIGTERM');
    await Promise.race([first.exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  }
  for (const pid of first ? childPids(first.output()) : []) {
    if (isRunning(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('serves the page, refuses a second start on its DATA_DIR, stops on Ctrl-C', async () => {
    first = await npmStart(dataDir);
    const [, url] = await waitFor(first, /open (http:\/\/127\.0\.0\.1:\d+); Ctrl-C/);
    expect(first.output()).toContain('[5/5] no scripted expert either');

    const reply = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ campaigns { id } }' }),
    });
    expect(await reply.json()).toEqual({ data: { campaigns: [] } });

    const second = await npmStart(dataDir);
    expect(await second.exited).toBe(1);
    const [, owner] = second.output().match(/is in use by npm start with pid (\d+)/) ?? [];
    expect(second.output()).toContain(`DATA_DIR ${dataDir} is in use by npm start with pid`);
    expect(isRunning(Number(owner))).toBe(true);
    expect(second.output()).not.toContain('[1/5]');

    const pids = childPids(first.output());
    expect(pids).toHaveLength(3); // Temporal, worker, web
    // Ctrl-C: SIGINT to the group this test created, by its id.
    process.kill(-first.child.pid!, 'SIGINT');
    expect(await first.exited).toBe(0);
    expect(first.output()).not.toMatch(/exited with/);
    expect(pids.filter(isRunning)).toEqual([]);
    expect(existsSync(join(dataDir, 'npm-start.pid'))).toBe(false);
  });

  it('refuses a web PORT another process listens on before it starts anything', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      const refused = await npmStart(mkdtempSync(join(dataDir, 'busy-')), port);
      expect(await refused.exited).toBe(1);
      expect(refused.output()).toContain(
        `Web app (PORT) port ${port} on 127.0.0.1 is not free (EADDRINUSE)`,
      );
      expect(refused.output()).not.toContain('[1/5]');
    } finally {
      holder.close();
    }
  });
});
