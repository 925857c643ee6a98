import { runCommand } from './run-command';

/** The real CLI answers in well under a second; a binary that hangs is not the CLI. */
const PROBE_TIMEOUT_MS = 10_000;

/**
 * Asks a candidate binary for its version and returns the first line it prints, or undefined
 * when it is missing, not executable, or not the Temporal CLI. Cheap enough to run before
 * every reuse of a cached install, which is what keeps a damaged cache from being trusted.
 */
export async function probeTemporalCli(binary: string): Promise<string | undefined> {
  const outcome = await runCommand(binary, ['--version'], { timeoutMs: PROBE_TIMEOUT_MS });
  const firstLine = outcome.output.trim().split('\n')[0] ?? '';

  return outcome.code === 0 && firstLine.startsWith('temporal version') ? firstLine : undefined;
}

/**
 * The long flags `temporal server start-dev` accepts, read from its help text. Older CLIs
 * (such as the Go fallback's pin) lack some flags of newer ones, and an unknown flag stops
 * the server at once.
 */
export async function startDevFlags(binary: string): Promise<Set<string>> {
  const outcome = await runCommand(binary, ['server', 'start-dev', '--help'], {
    timeoutMs: PROBE_TIMEOUT_MS,
  });

  return new Set(outcome.output.match(/--[a-z][a-z-]+/g) ?? []);
}
