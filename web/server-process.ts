import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot, serverEntry } from './app-build';
import { exitOf } from './child-exit';

const keptOutputChars = 64 * 1024;

/** Where and with what the built server runs. */
export interface WebServerOptions {
  host?: string;
  port: number;
  /** EVENT_STORE, TEMPORAL_ADDRESS, TASK_QUEUE, LOG_LEVEL... */
  env?: Record<string, string>;
  /** Show the server's output, or keep its tail for `output()` (e.g. to explain a failure). */
  output?: 'inherit' | 'keep';
  /** How long to wait for the first answer from the server. */
  readyTimeoutMs?: number;
}

/** A running web server process. */
export interface WebServer {
  url: string;
  process: ChildProcess;
  /** The tail of what the server printed, when started with `output: 'keep'`. */
  output(): string;
  /** Asks the server to shut down (SIGTERM) and waits until it has exited. */
  stop(): Promise<void>;
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  const probe = `${url}/graphql?query=${encodeURIComponent('{ __typename }')}`;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`web server exited with ${child.exitCode} before answering on ${url}`);
    }
    const answered = await fetch(probe).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`web server did not answer on ${url} within ${timeoutMs} ms`);
}

/**
 * Starts `node web/build/index.js` from the repository root (so a relative EVENT_STORE is read
 * from there) and resolves once it answers GraphQL.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const {
    host = '127.0.0.1',
    port,
    env = {},
    output = 'inherit',
    readyTimeoutMs = 30_000,
  } = options;
  const child = spawn(process.execPath, [serverEntry], {
    cwd: repoRoot,
    env: { ...process.env, ...env, HOST: host, PORT: String(port) },
    stdio: [
      'ignore',
      output === 'keep' ? 'pipe' : 'inherit',
      output === 'keep' ? 'pipe' : 'inherit',
    ],
  });
  const exited = exitOf(child);

  // Node writes to pipes synchronously: an unread pipe would stall the server once full.
  let kept = '';
  const keep = (chunk: Buffer) => (kept = (kept + chunk.toString()).slice(-keptOutputChars));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://${host}:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitUntilAnswering(url, child, readyTimeoutMs);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${kept}`);
  }
  return { url, process: child, output: () => kept, stop };
}
