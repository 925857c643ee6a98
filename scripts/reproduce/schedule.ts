import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Job, RowResult } from './jobs';
import { jobName } from './jobs';
import type { ReproducePlan, RowId } from './protocol';

const fineTunedRows: RowId[] = ['clustering-loss', 'labels-20', 'labels-50', 'labels-100'];

/** Every job of a plan: one pretraining per seed, then its fine-tunings. */
export function jobsOf(plan: ReproducePlan, workDir: string): Job[] {
  return plan.seeds.flatMap((seed): Job[] => {
    const weightsPath = join(workDir, `pretrained-seed-${seed}.acw`);
    return [
      { kind: 'pretrain', seed, plan, weightsPath },
      ...fineTunedRows.map((row): Job => ({ kind: 'fine-tune', seed, plan, row, weightsPath })),
    ];
  });
}

/**
 * Runs the jobs in `slots` child processes at a time. A fine-tuning waits for its seed's
 * pretraining; pretrainings go first, as they unlock the most work. A failed job fails the
 * run with its output's tail.
 */
export async function runJobs(
  jobs: Job[],
  options: { slots: number; workDir: string; log: (line: string) => void },
): Promise<RowResult[]> {
  const { slots, workDir, log } = options;
  const pending = [...jobs].sort(
    (a, b) => Number(b.kind === 'pretrain') - Number(a.kind === 'pretrain'),
  );
  const pretrained = new Set<number>();
  const results: RowResult[] = [];
  const running = new Set<Promise<void>>();

  const ready = () =>
    pending.findIndex((job) => job.kind === 'pretrain' || pretrained.has(job.seed));

  while (pending.length > 0 || running.size > 0) {
    let index = ready();
    while (running.size < slots && index >= 0) {
      const [job] = pending.splice(index, 1);
      const run = runChild(job!, workDir, log).then((rows) => {
        results.push(...rows);
        if (job!.kind === 'pretrain') pretrained.add(job!.seed);
        running.delete(run);
      });
      running.add(run);
      index = ready();
    }
    if (running.size === 0) throw new Error('reproduce: no job can start; the plan is broken');
    await Promise.race(running);
  }
  return results;
}

const children = new Set<ChildProcess>();

/** Stops the job processes still running, by pid (an interrupted run leaves none behind). */
export function stopJobs(): void {
  for (const child of children) child.kill('SIGTERM');
}

const jobProcess = fileURLToPath(new URL('./job-process.ts', import.meta.url));

function runChild(job: Job, workDir: string, log: (line: string) => void): Promise<RowResult[]> {
  const name = jobName(job);
  const file = name.replaceAll(' ', '-');
  const jobPath = join(workDir, `${file}.job.json`);
  const resultPath = join(workDir, `${file}.result.json`);
  writeFileSync(jobPath, JSON.stringify(job));
  log(`${name}: started`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', jobProcess, jobPath, resultPath], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    const tail: string[] = [];
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        tail.push(line);
        if (tail.length > 20) tail.shift();
        log(`${name}: ${line}`);
      }
    };
    child.stdout.on('data', onLine);
    child.stderr.on('data', onLine);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (code === 0) {
        resolve(JSON.parse(readFileSync(resultPath, 'utf8')) as RowResult[]);
      } else {
        reject(new Error(`${name} failed (${signal ?? `exit ${code}`}):\n${tail.join('\n')}`));
      }
    });
  });
}
