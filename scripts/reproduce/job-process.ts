/**
 * One reproduce job in its own process (the WebAssembly backend trains on one thread, so
 * two processes use two cores). Usage: tsx job-process.ts <job.json> <result.json>
 */
import { readFileSync, writeFileSync } from 'node:fs';

import { initModelBackend } from '../../activities/model/backend';
import type { Job } from './jobs';
import { runJob } from './jobs';

const [jobPath, resultPath] = process.argv.slice(2);
if (!jobPath || !resultPath) {
  console.error('usage: tsx scripts/reproduce/job-process.ts <job.json> <result.json>');
  process.exit(2);
}
const job = JSON.parse(readFileSync(jobPath, 'utf8')) as Job;
await initModelBackend('wasm', () => {});
const results = await runJob(job, (line) => console.log(line));
writeFileSync(resultPath, JSON.stringify(results));
