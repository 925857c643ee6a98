import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Report } from '../../../scripts/reproduce/report';

// `npm run reproduce -- --quick` as CI runs it: the real command, its real training.
describe('npm run reproduce --quick', () => {
  const out = mkdtempSync(join(tmpdir(), 'reproduce-quick-'));
  const run = { status: null as number | null, stdout: '', stderr: '' };
  let report: Report;

  // Asynchronous on purpose: a synchronous spawn would block the test worker for minutes and
  // vitest would lose contact with it.
  beforeAll(async () => {
    const child = spawn('npx', ['tsx', 'scripts/reproduce/main.ts', '--quick', '--out', out]);
    child.stdout.on('data', (chunk: Buffer) => (run.stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
    run.status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    report = JSON.parse(readFileSync(join(out, 'table.json'), 'utf8')) as Report;
    // The table in the test log: what CI measured, beside the paper.
    console.log(run.stdout.slice(run.stdout.indexOf('# Table 1')));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const accuracy = (id: string) => {
    const row = report.rows.find((candidate) => candidate.id === id)!;
    return (row.umapKMeans ?? row.kMeans).mean;
  };

  it('passes its floors and prints the table beside the paper', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('| AE + k-means | 82.72 |');
    expect(report.rows.map((row) => row.id)).toEqual([
      'pixels',
      'autoencoder',
      'clustering-loss',
      'labels-20',
      'labels-50',
      'labels-100',
    ]);
  });

  it('beats k-means on pixels with the embedding, and labels help', () => {
    expect(accuracy('pixels')).toBeGreaterThan(0.45);
    expect(accuracy('pixels')).toBeLessThan(0.7);
    expect(accuracy('autoencoder')).toBeGreaterThanOrEqual(0.75);
    expect(accuracy('labels-100')).toBeGreaterThan(accuracy('autoencoder'));
    expect(accuracy('labels-100')).toBeGreaterThanOrEqual(0.93);
  });

  it('writes a plot with a bar per configuration and method', () => {
    const svg = readFileSync(join(out, 'table.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    // paper for six rows, k-means for six, UMAP for the five embedding rows
    expect(svg.match(/class="bar"/g)).toHaveLength(17);
    expect(readFileSync(join(out, 'table.md'), 'utf8')).toContain('+ 100% labels');
  });
});
