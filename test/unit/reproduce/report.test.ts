import { describe, expect, it } from 'vitest';

import type { RowResult } from '../../../scripts/reproduce/jobs';
import { quickPlan, tableRows } from '../../../scripts/reproduce/protocol';
import {
  buildReport,
  floorsMissed,
  reportMarkdown,
  reportSvg,
  spreadOf,
} from '../../../scripts/reproduce/report';

const scores = (accuracy: number) => ({ accuracy, nmi: 0.5, ari: 0.4 });
const plan = { ...quickPlan, seeds: [1, 2] };

function resultsFor(seed: number, shift: number): RowResult[] {
  return tableRows.map((row, index) => ({
    row: row.id,
    seed,
    kMeans: scores(0.5 + 0.05 * index + shift),
    umapKMeans: row.id === 'pixels' ? null : scores(0.6 + 0.05 * index + shift),
    trainSeconds: 1,
    evaluateSeconds: 1,
  }));
}

describe('the reproduced Table 1', () => {
  const report = buildReport(plan, [...resultsFor(1, 0), ...resultsFor(2, 0.02)], 3.5);

  it('gives mean, population deviation and range over the seeds', () => {
    expect(spreadOf([0.8, 0.9, 1])).toMatchObject({ min: 0.8, max: 1 });
    expect(spreadOf([0.8, 0.9, 1]).mean).toBeCloseTo(0.9, 12);
    expect(spreadOf([0.8, 1]).std).toBeCloseTo(0.1, 12);
  });

  it('compares the product method (UMAP where it exists) with the paper', () => {
    const [pixels, autoencoder] = report.rows;
    expect(pixels!.umapKMeans).toBeNull();
    expect(pixels!.delta).toBeCloseTo(0.51 - 0.5998, 12);
    expect(autoencoder!.umapKMeans!.mean).toBeCloseTo(0.66, 12);
    expect(autoencoder!.delta).toBeCloseTo(0.66 - 0.8272, 12);
  });

  it('writes a markdown row per configuration with spread and signed difference', () => {
    const markdown = reportMarkdown(report);
    expect(markdown).toContain(
      '| k-means on pixels | 59.98 | 51.00 ± 1.00 (50.00–52.00) | – | -8.98 |',
    );
    expect(markdown).toContain('| + 100% labels | 98.78 |');
    expect(markdown).toContain('2000 digits, seeds 1, 2');
  });

  it('draws a bar for each method of each row, whiskers only where seeds vary', () => {
    const svg = reportSvg(report);
    expect(svg.match(/class="bar"/g)).toHaveLength(17);
    expect(svg.match(/class="whisker"/g)).toHaveLength(11);
  });

  it('names each row below its floor', () => {
    expect(floorsMissed(report, { autoencoder: 0.7, 'labels-100': 0.5 })).toEqual([
      'AE + k-means: 66.00 % is below the floor of 70.00 %',
    ]);
  });

  it('refuses results missing a seed', () => {
    expect(() => buildReport(plan, resultsFor(1, 0), 1)).toThrow(
      'row pixels has 1 results for 2 seeds',
    );
  });
});
