import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitOf } from './child-exit';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.dirname(webRoot);
export const serverEntry = path.join(webRoot, 'build', 'index.js');

// What the built server is made of: the app and the repository code it bundles.
const sources = [
  'web/src',
  'web/svelte.config.js',
  'web/vite.config.ts',
  'events',
  'activities/data',
  'activities/artefacts',
  'activities/round/clustering-artefact.ts',
  'activities/round/cluster-membership.ts',
  'client/campaign-client.ts',
  'workflows/campaign-input.ts',
  'workflows/messages.ts',
];

function newestChange(file: string): number {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  const entries = readdirSync(file).map((entry) => newestChange(path.join(file, entry)));
  return Math.max(stats.mtimeMs, ...entries);
}

/** Whether the built server is missing or older than any of its sources. */
export function webBuildIsStale(): boolean {
  const built = statSync(serverEntry, { throwIfNoEntry: false });
  if (!built) return true;
  return sources.some((source) => newestChange(path.join(repoRoot, source)) > built.mtimeMs);
}

/**
 * Builds the production server (`vite build` with adapter-node) into web/build. SvelteKit reads
 * its config from the working directory, so the build runs inside web/. Resolves with the
 * build's wall time in milliseconds.
 */
export async function buildWebApp(output: 'inherit' | 'ignore' = 'inherit'): Promise<number> {
  const started = performance.now();
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: webRoot,
    stdio: ['ignore', output, output],
  });

  const code = await exitOf(child);
  if (code !== 0) throw new Error(`vite build of ${webRoot} exited with ${code}, expected 0`);
  return performance.now() - started;
}
