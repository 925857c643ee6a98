// The one test command (`npm test`, also what CI runs): installs what the tests need that npm
// cannot (Debian's chromium; the Temporal CLI comes on first use), builds the web app, then
// runs the type check, the linter and every vitest tier, printing each phase's wall time.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(phase: string, command: string, args: string[]) {
  const started = Date.now();
  console.log(`\n=== ${phase}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`=== ${phase}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    console.error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)`);
    process.exit(1);
  }
  run('install chromium', 'sh', ['-c', 'apt-get update -qq && apt-get install -y -qq chromium']);
}

// Arguments filter test files by name in every tier, e.g. `npm test -- durable-round`.
const filters = process.argv.slice(2);
const only = filters.length > 0 ? ['--passWithNoTests', ...filters] : [];
const started = Date.now();
ensureChromium();
run('build web app', 'npx', ['tsx', 'web/serve.ts', '--build', '--no-start']);
run('type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('type check web', 'npx', ['svelte-check', '--workspace', 'web', '--fail-on-warnings']);
run('lint', 'npx', ['eslint', '.']);
run('format', 'npx', ['prettier', '--check', '.']);
run('unit tests', 'npx', ['vitest', 'run', ...only]);
run('integration tests', 'npx', [
  'vitest',
  'run',
  '--config',
  'vitest.integration.config.js',
  ...only,
]);
run('browser tests', 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.js', ...only]);
console.log(`\nall checks passed in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
