/**
 * Runs the autoencoder-accuracy experiment for each configuration tried while choosing
 * the defaults, one after another, and prints a table: configuration, seed, k-means
 * accuracy on pixels, on the embedding (raw and standardised), training seconds.
 *   npx tsx scripts/experiments/sweep.ts [--only label,label] [--seeds 1,2]
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

interface Trial {
  label: string;
  args: string[];
}

/** What was tried, in order (sigmoid output and a two-view invariance loss, which both
 * stalled training, are left out: their code is gone). */
const trials: Trial[] = [
  { label: 'no-augmentation', args: ['--aug', 'none', '--lr', '0.001', '--epochs', '30'] },
  { label: 'augmented', args: ['--lr', '0.001', '--epochs', '30'] },
  {
    label: 'augmented+kmeans-loss-0.05',
    args: ['--lr', '0.001', '--epochs', '30', '--lambda', '0.05', '--from', '10'],
  },
  {
    label: 'reconstruct-original-strong-aug-lr3e-3',
    args: ['--reconstruct-original', '--aug', '3,0.3,0.15', '--lr', '0.003', '--epochs', '30'],
  },
  {
    label: 'small-filters-60-epochs',
    args: ['--filters', '8,16,32', '--kernels', '3,3,3', '--lr', '0.002', '--epochs', '60'],
  },
  { label: 'augmented-lr2e-3-50-epochs', args: ['--lr', '0.002', '--epochs', '50'] },
  {
    label: 'augmented-lr2e-3-50-epochs+kmeans-loss',
    args: ['--lr', '0.002', '--epochs', '50', '--lambda', '0.002', '--from', '30'],
  },
  {
    label: 'augmented-lr2e-3-40-epochs+kmeans-loss-0.005-from-15',
    args: ['--lr', '0.002', '--epochs', '40', '--lambda', '0.005', '--from', '15'],
  },
];

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: '' },
    seeds: { type: 'string', default: '1,2' },
    count: { type: 'string', default: '2000' },
  },
});

const chosen =
  values.only === '' ? trials : trials.filter((t) => values.only.split(',').includes(t.label));
const rows: string[] = [];
for (const trial of chosen) {
  console.log(`running ${trial.label}`);
  const run = spawnSync(
    'npx',
    [
      'tsx',
      'scripts/experiments/autoencoder-accuracy.ts',
      '--count',
      values.count,
      '--seeds',
      values.seeds,
      '--label',
      trial.label,
      ...trial.args,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`${trial.label} failed: ${run.stderr}`);
  for (const line of run.stdout.split('\n').filter((l) => l.startsWith('RESULT '))) {
    const r = JSON.parse(line.slice(7)) as Record<string, number | string>;
    rows.push(
      `| ${trial.label} | ${r.seed} | ${r.pixels} | ${r.accuracy} | ${r.standardized} | ` +
        `${r.wallSeconds} | ${r.cpuSeconds} |`,
    );
  }
}
console.log('| config | seed | pixels | embedding | standardised | wall s | cpu s |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
