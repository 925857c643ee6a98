/**
 * npm run reproduce: the paper's Table 1 on the shipped MNIST digits. See --help.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { scriptCommandLine } from '../../infra/command-line';
import { experimentClock } from '../experiment-clock';
import type { ReproducePlan } from './protocol';
import { fullPlan, quickFloors, quickPlan } from './protocol';
import { buildReport, floorsMissed, reportMarkdown, reportSvg } from './report';
import { jobsOf, runJobs, stopJobs } from './schedule';

const help = `Usage: npm run reproduce -- [options]

Trains the autoencoder on the shipped MNIST digits in the paper's six configurations
(k-means on pixels, AE + k-means, + clustering loss, + 20/50/100 % labels) and writes
table.md, table.json and table.svg beside the paper's numbers.

Options:
  --quick          2,000 digits, one seed, a few minutes; fails (exit 1) below the floors
  --seeds LIST     seeds, comma-separated (default: 1,2,3; quick: 1)
  --count N        digits, 100..10000 (default: 10000; quick: 2000)
  --jobs N         training processes at once (default 2: one per core)
  --out DIR        where the results go (default: reproduce-results/<full|quick>)
  -h, --help       this text

A full run took 36.8 minutes on two idle cores (measured 2026-12-05; see README).`;

const {
  values: args,
  fail,
  outFolder,
  number,
} = scriptCommandLine('reproduce', help, {
  quick: { type: 'boolean', default: false },
  seeds: { type: 'string' },
  count: { type: 'string' },
  jobs: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
});
const plan = planFrom();
const slots = number('jobs', 2, [1, 16]);

function planFrom(): ReproducePlan {
  const base = args.quick ? quickPlan : fullPlan;
  const seeds =
    typeof args.seeds === 'string'
      ? args.seeds.split(',').map((s) => (/^\s*\d+\s*$/.test(s) ? Number(s) : Number.NaN))
      : base.seeds;
  const valid = (seed: number) => Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31;
  if (seeds.length === 0 || !seeds.every(valid)) {
    fail(
      `--seeds: expected integers from 0 to ${2 ** 31 - 1} separated by commas, received ` +
        JSON.stringify(args.seeds),
    );
  }
  if (new Set(seeds).size !== seeds.length)
    fail(`--seeds: each seed once, received ${JSON.stringify(args.seeds)}`);
  return { ...base, seeds, count: number('count', base.count, [100, 10_000]) };
}

const out = outFolder('out', join('reproduce-results', plan.name));
const workDir = mkdtempSync(join(tmpdir(), 'reproduce-'));

const { log, minutes } = experimentClock();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopJobs();
    rmSync(workDir, { recursive: true, force: true });
    process.exit(130);
  });
}

log(
  `${plan.name} run: ${plan.count} digits, seeds ${plan.seeds.join(', ')}, ${slots} at a time; ` +
    `results in ${out}`,
);
try {
  const results = await runJobs(jobsOf(plan, workDir), { slots, workDir, log });
  const report = buildReport(plan, results, Number(minutes()));
  writeFileSync(join(out, 'table.json'), `${JSON.stringify({ ...report, results }, null, 2)}\n`);
  writeFileSync(join(out, 'table.md'), reportMarkdown(report));
  writeFileSync(join(out, 'table.svg'), reportSvg(report));
  console.log(`\n${reportMarkdown(report)}`);
  log(`wrote table.md, table.json, table.svg to ${out}`);
  const missed = plan.name === 'quick' ? floorsMissed(report, quickFloors) : [];
  for (const message of missed) console.error(`below the quick floor: ${message}`);
  process.exitCode = missed.length > 0 ? 1 : 0;
} catch (error) {
  console.error(`reproduce failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
