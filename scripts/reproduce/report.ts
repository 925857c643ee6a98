import type { RowResult } from './jobs';
import type { ReproducePlan, RowId, TableRow } from './protocol';
import { tableRows } from './protocol';

/** Mean and spread of one accuracy over the seeds. */
export interface Spread {
  mean: number;
  std: number;
  min: number;
  max: number;
  values: number[];
}

/** One row of the reproduced table. */
export interface ReportRow extends TableRow {
  /** k-means on the embedding (on pixels for the first row): the paper's method. */
  kMeans: Spread;
  /** k-means on a UMAP layout of the embedding: the product's method; null for pixels. */
  umapKMeans: Spread | null;
  /** The product's accuracy (UMAP where it applies) minus the paper's. */
  delta: number;
}

export interface Report {
  plan: ReproducePlan;
  rows: ReportRow[];
  minutes: number;
}

export function spreadOf(values: number[]): Spread {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  return {
    mean,
    std: Math.sqrt(variance),
    min: Math.min(...values),
    max: Math.max(...values),
    values,
  };
}

/** Gathers every seed's results into the table's rows, in the paper's order. */
export function buildReport(plan: ReproducePlan, results: RowResult[], minutes: number): Report {
  const rows = tableRows.map((row): ReportRow => {
    const mine = results.filter((result) => result.row === row.id);
    if (mine.length !== plan.seeds.length) {
      throw new Error(
        `reproduce: row ${row.id} has ${mine.length} results for ${plan.seeds.length} seeds`,
      );
    }
    const kMeans = spreadOf(mine.map((result) => result.kMeans.accuracy));
    const umap = mine.every((result) => result.umapKMeans !== null)
      ? spreadOf(mine.map((result) => result.umapKMeans!.accuracy))
      : null;
    return { ...row, kMeans, umapKMeans: umap, delta: (umap ?? kMeans).mean - row.paper };
  });
  return { plan, rows, minutes };
}

const percent = (value: number) => (100 * value).toFixed(2);
const spread = (s: Spread) =>
  s.values.length > 1
    ? `${percent(s.mean)} ± ${percent(s.std)} (${percent(s.min)}–${percent(s.max)})`
    : percent(s.mean);

/** The table as markdown, with the run's plan and a verdict per row. */
export function reportMarkdown(report: Report): string {
  const { plan } = report;
  const lines = [
    `# Table 1 on MNIST, reproduced (${plan.name} run)`,
    '',
    `${plan.count} digits, seeds ${plan.seeds.join(', ')}; autoencoder pretrained ` +
      `${plan.pretrainEpochs} epochs (E1), each later row fine-tuned ${plan.fineTuneEpochs} ` +
      `epochs from it (k-means loss weight ${plan.clusteringWeight}); batch ${plan.batchSize}; ` +
      `${report.minutes.toFixed(1)} minutes.`,
    'Accuracy in %, Hungarian-matched, mean ± standard deviation (min–max) over the seeds.',
    '',
    '| configuration | paper | k-means on embedding | UMAP + k-means | ours − paper |',
    '|---|---:|---:|---:|---:|',
    ...report.rows.map(
      (row) =>
        `| ${row.title} | ${percent(row.paper)} | ${spread(row.kMeans)} | ` +
        `${row.umapKMeans ? spread(row.umapKMeans) : '–'} | ` +
        `${row.delta >= 0 ? '+' : ''}${percent(row.delta)} |`,
    ),
    '',
    '"ours" is UMAP + k-means where an embedding exists (what a round uses), else k-means.',
  ];
  return `${lines.join('\n')}\n`;
}

/** Grouped bars per configuration: the paper, k-means, UMAP + k-means, with min–max whiskers. */
export function reportSvg(report: Report): string {
  const width = 760;
  const height = 380;
  const left = 50;
  const bottom = 300;
  const top = 40;
  const groupWidth = (width - left - 20) / report.rows.length;
  const barWidth = groupWidth / 4.5;
  const y = (accuracy: number) => bottom - (bottom - top) * accuracy;
  const series = [
    { name: 'paper', colour: '#9e9e9e', value: (row: ReportRow) => spreadOf([row.paper]) },
    { name: 'k-means on embedding', colour: '#1f77b4', value: (row: ReportRow) => row.kMeans },
    { name: 'UMAP + k-means', colour: '#ff7f0e', value: (row: ReportRow) => row.umapKMeans },
  ];
  const bars = report.rows.flatMap((row, group) =>
    series.flatMap((line, index) => {
      const value = line.value(row);
      if (!value) return [];
      const x = left + group * groupWidth + (index + 0.5) * barWidth;
      const barTop = y(value.mean);
      const shapes = [
        `<rect class="bar" x="${x.toFixed(1)}" y="${barTop.toFixed(1)}" ` +
          `width="${(barWidth * 0.9).toFixed(1)}" height="${(bottom - barTop).toFixed(1)}" ` +
          `fill="${line.colour}"/>`,
      ];
      if (value.values.length > 1) {
        const centre = (x + barWidth * 0.45).toFixed(1);
        shapes.push(
          `<line class="whisker" x1="${centre}" x2="${centre}" y1="${y(value.min).toFixed(1)}" ` +
            `y2="${y(value.max).toFixed(1)}" stroke="#000"/>`,
        );
      }
      return shapes;
    }),
  );
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1].map(
    (tick) =>
      `<line x1="${left}" x2="${width - 20}" y1="${y(tick)}" y2="${y(tick)}" stroke="#ddd"/>` +
      `<text x="${left - 6}" y="${y(tick) + 4}" text-anchor="end">${tick * 100}</text>`,
  );
  const labels = report.rows.map((row, group) => {
    const x = left + (group + 0.5) * groupWidth;
    return `<text x="${x.toFixed(1)}" y="${bottom + 18}" text-anchor="middle">${row.title}</text>`;
  });
  const legend = series.map(
    (line, index) =>
      `<rect x="${left + index * 200}" y="12" width="12" height="12" fill="${line.colour}"/>` +
      `<text x="${left + index * 200 + 18}" y="23">${line.name}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
      `font-family="sans-serif" font-size="12">`,
    `<title>Table 1 on MNIST: accuracy (%) per configuration, ${report.plan.name} run</title>`,
    ...ticks,
    ...bars,
    ...labels,
    ...legend,
    `<text x="${width / 2}" y="${height - 20}" text-anchor="middle">` +
      `${report.plan.count} digits, ${report.plan.seeds.length} seed(s); ` +
      'whiskers: min–max</text>',
    '</svg>',
  ].join('\n');
}

/** Rows whose product accuracy falls below a floor, as messages naming row and numbers. */
export function floorsMissed(report: Report, floors: Partial<Record<RowId, number>>): string[] {
  return report.rows.flatMap((row) => {
    const floor = floors[row.id];
    const ours = (row.umapKMeans ?? row.kMeans).mean;
    return floor !== undefined && ours < floor
      ? [`${row.title}: ${percent(ours)} % is below the floor of ${percent(floor)} %`]
      : [];
  });
}
