import { spawn } from 'node:child_process';

/** What a finished helper command left behind: its exit code and the tail of its output. */
export interface CommandOutcome {
  /** Exit code, or null when a signal (or a failed spawn) ended it. */
  code: number | null;
  /** The last {@link OUTPUT_LIMIT} characters of stdout and stderr, interleaved. */
  output: string;
}

/** Installers print megabytes of progress bars; only the end is useful in an error message. */
const OUTPUT_LIMIT = 16_000;

/**
 * Runs a short-lived helper command (pip, go, `temporal --version`) to completion.
 * Never rejects: a binary that cannot be spawned is reported as a failed outcome, so callers
 * can fall back to the next installer with one code path.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<CommandOutcome> {
  return new Promise((resolve) => {
    let output = '';
    const append = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
    };

    const child = spawn(command, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs,
    });
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    child.on('error', (error) => resolve({ code: null, output: `${output}${error.message}` }));
    child.on('close', (code) => resolve({ code, output }));
  });
}
