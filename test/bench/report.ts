import type { BackendResult, BenchResult } from './bench-result';
import { trainingPassesPerForward } from './flops';
import { forwardGflops, trainingGflops, trainingToMatMulRatio } from './rates';

/** The speed goals of issue 3, on 2 cores. */
export const benchGoals = { maxMsPerTrainingSample: 2, minForwardImagesPerSecond: 3000 };

/** One line of the results table: a measure, its goal if any, one value per backend. */
export interface ReportRow {
  measure: string;
  goal: string;
  values: string[];
}

/** The table both the console and latest.md show, backends as columns. */
export function reportRows(result: BenchResult): ReportRow[] {
  const { backends, flops } = result;
  const row = (measure: string, goal: string, value: (b: BackendResult) => string) => ({
    measure,
    goal,
    values: backends.map(value),
  });
  const status = (met: boolean) => (met ? 'met' : 'not met');
  const trainingCell = (ms: number) =>
    `${formatNumber(ms)} (${status(ms <= benchGoals.maxMsPerTrainingSample)})`;

  return [
    row(
      `ms per training sample, batch ${backends[0]?.training.batchSize ?? '-'}`,
      `<= ${benchGoals.maxMsPerTrainingSample}`,
      (b) => trainingCell(b.training.msPerSample),
    ),
    row(
      '  timed on',
      '',
      ({ training: t }) => `${formatCount(t.samples)} digits x ${plural(t.epochs - 1, 'epoch')}`,
    ),
    ...sweptBatchSizes(backends).map((size) =>
      row(`  at batch ${size}`, `<= ${benchGoals.maxMsPerTrainingSample}`, (b) => {
        const swept = b.batchSweep?.find((measurement) => measurement.batchSize === size);
        return swept ? trainingCell(swept.msPerSample) : '-';
      }),
    ),
    row(
      'images/s forward + entropy',
      `>= ${formatCount(benchGoals.minForwardImagesPerSecond)}`,
      (b) => {
        const met = b.forward.imagesPerSecond >= benchGoals.minForwardImagesPerSecond;
        return `${formatNumber(b.forward.imagesPerSecond)} (${status(met)})`;
      },
    ),
    row(
      '  timed on',
      '',
      ({ forward: f }) => `${formatCount(f.images)} digits x ${plural(f.repMs.length, 'rep')}`,
    ),
    row('  ms per 1,000: embed / entropy', '', ({ forward: f }) => {
      const per1000 = (ms: number) => formatNumber((ms * 1000) / f.images);
      return `${per1000(f.embedMs)} / ${per1000(f.entropyMs)}`;
    }),
    row('training GFLOP/s (estimated)', '', (b) => formatNumber(trainingGflops(b, flops))),
    row('forward GFLOP/s (estimated)', '', (b) => formatNumber(forwardGflops(b, flops))),
    row('matMul GFLOP/s', '', (b) => `${formatNumber(b.matMul.gflops)} (n = ${b.matMul.size})`),
    row('training / matMul rate', '', (b) => `${formatNumber(trainingToMatMulRatio(b, flops))}x`),
    row('load avg 1 min, before -> after', '', (b) => {
      const [before = 0] = b.loadBefore;
      const [after = 0] = b.loadAfter;
      return `${before.toFixed(2)} -> ${after.toFixed(2)}`;
    }),
    row('wasm build', '', ({ wasm }) =>
      wasm ? `${wasm.simd ? 'SIMD' : 'no SIMD'}, ${plural(wasm.threads, 'thread')}` : '-',
    ),
  ];
}

/** Every further batch size any backend was trained at, ascending. */
function sweptBatchSizes(backends: BackendResult[]): number[] {
  const sizes = backends.flatMap((b) => (b.batchSweep ?? []).map((m) => m.batchSize));
  return [...new Set(sizes)].sort((a, b) => a - b);
}

/** Lines under the table: the references and what the numbers rest on. */
export function reportNotes(result: BenchResult): string[] {
  const { numpy, flops, machine } = result;
  const numpyLine = numpy.available
    ? `numpy ${numpy.version} matMul n = ${numpy.size}: ${formatNumber(numpy.gflops)} GFLOP/s`
    : `numpy matMul: absent (${numpy.reason})`;
  const millions = (value: number) => `${formatNumber(value / 1e6)} M`;
  const singleThreaded = result.backends.some((b) => b.wasm && !b.wasm.multithread);
  return [
    numpyLine,
    ...(singleThreaded
      ? [
          'wasm runs on one thread: tfjs-backend-wasm 4.x never loads its threaded build ' +
            'under Node (its multithread flag is fixed to false there).',
        ]
      : []),
    `FLOPs per sample, from the layer shapes: training ${millions(flops.trainingPerSample)} ` +
      `(${trainingPassesPerForward} x forward of encoder + decoder), forward ` +
      `${millions(flops.encoderForwardPerSample)} (encoder only).`,
    'Training: default model (embedding 10) with augmentation, k-means loss off; first ' +
      'epoch is warm-up; median of the other epochs. The CPU backend gets fewer digits ' +
      'because it is far slower.',
    `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ` +
      `tfjs ${machine.tfjs}. Other processes may share the cores while this runs: see the ` +
      'load averages.',
  ];
}

/** Columns padded to their widest cell, for the console. */
export function textTable(result: BenchResult): string {
  const header = ['measure', 'goal', ...result.backends.map((b) => b.backend)];
  const lines = [header, ...reportRows(result).map((r) => [r.measure, r.goal, ...r.values])];
  const widths = header.map((_, column) => Math.max(...lines.map((l) => l[column]!.length)));
  return lines
    .map((line) =>
      line
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** bench-results/latest.md: the table with the goals beside the numbers, then the notes. */
export function markdownReport(result: BenchResult): string {
  const header = ['measure', 'goal (issue 3)', ...result.backends.map((b) => b.backend)];
  const cells = (line: string[]) => `| ${line.join(' | ')} |`;
  const rows = reportRows(result).map((r) => cells([r.measure.trim(), r.goal, ...r.values]));
  return [
    `# Benchmark ${result.startedAt}${result.quick ? ' (quick)' : ''}`,
    '',
    cells(header),
    cells(header.map(() => '---')),
    ...rows,
    '',
    ...reportNotes(result).map((note) => `- ${note}`),
    '',
  ].join('\n');
}

/** Three significant-ish digits: 1,234 / 12.3 / 1.23. */
export function formatNumber(value: number): string {
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(Math.abs(value) >= 10 ? 1 : 2);
}

/** Whole counts with thousands separators: 2,000. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** '1 rep', '2 reps'. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
