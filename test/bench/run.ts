/**
 * The speed benchmark of issue 3: training time per sample, forward + entropy throughput
 * and matMul GFLOP/s, on the WebAssembly and the plain CPU backend side by side. Numbers
 * go to the console, bench-results/bench-<date>.json and bench-results/latest.md; no
 * number is asserted.
 *   npm run bench [-- --quick] [-- --help]
 */
import * as tf from '@tensorflow/tfjs-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { loadMnistDigits } from '../../activities/data/mnist';
import { initModelBackend } from '../../activities/model/backend';
import { fullPlan, quickPlan } from './bench-plan';
import type { BenchBackend, BenchResult } from './bench-result';
import { autoencoderFlops } from './layer-shapes';
import type { StartPhase } from './measure-backend';
import { measureBackend } from './measure-backend';
import { measureNumpyMatMul } from './numpy-mat-mul';
import { formatCount, markdownReport, reportNotes, textTable } from './report';

const usage = `npm run bench [-- --quick] [-- --help]

Measures, for the wasm and the cpu tfjs backends in turn:
  - ms per training sample (trainAutoencoder, batch 32, then 64 and 128 on wasm; first
    epoch not counted)
  - images/s for the forward pass (embed) + soft-assignment entropy
  - GFLOP/s of a square matMul, and the training GFLOP/s estimated from the layer shapes
and numpy's matMul GFLOP/s when python3 has numpy.
Writes bench-results/bench-<date>.json and bench-results/latest.md.

  --quick   small sizes, every phase in well under a minute
  --help    this text`;

/** wasm first: it is the product's default, and its numbers matter most if a run is cut. */
const backends: BenchBackend[] = ['wasm', 'cpu'];
const resultsFolder = fileURLToPath(new URL('../../bench-results/', import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const plan = values.quick ? quickPlan : fullPlan;
  const startedAt = new Date();
  let phaseNumber = 0;
  const startPhase: StartPhase = (title) => {
    console.log(`${++phaseNumber}. ${title}`);
    return (line) => console.log(`   ${line}`);
  };

  const setUpLog = startPhase('loading digits, counting FLOPs from the layer shapes');
  const count = Math.max(
    ...backends.map((b) => Math.max(plan[b].trainingSamples, plan[b].forwardImages)),
  );
  const digits = loadMnistDigits({ count });
  // The model is built only to read its shapes: any backend will do, and cpu needs no set-up.
  await initModelBackend('cpu');
  const flops = autoencoderFlops(10);
  const megaflops = (flops.trainingPerSample / 1e6).toFixed(2);
  setUpLog(`${formatCount(count)} digits; training ${megaflops} MFLOP per sample`);

  const numpySize = plan.wasm.matMulSize;
  const numpyLog = startPhase(`numpy: matMul ${numpySize}x${numpySize}x${numpySize}`);
  const numpy = measureNumpyMatMul(numpySize, plan.wasm.matMulReps);
  numpyLog(numpy.available ? `${numpy.gflops.toFixed(2)} GFLOP/s` : `absent: ${numpy.reason}`);

  const results = [];
  for (const backend of backends) {
    results.push(await measureBackend(backend, digits, plan[backend], startPhase));
  }

  const result: BenchResult = {
    startedAt: startedAt.toISOString(),
    quick: values.quick,
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      node: process.versions.node,
      tfjs: tf.version_core,
    },
    flops,
    numpy,
    backends: results,
  };
  startPhase('results');
  console.log(textTable(result));
  for (const note of reportNotes(result)) console.log(`- ${note}`);
  writeResults(result, startedAt);
}

function writeResults(result: BenchResult, startedAt: Date): void {
  mkdirSync(resultsFolder, { recursive: true });
  const stamp = startedAt.toISOString().slice(0, 19).replace(/:/g, '-');
  const jsonPath = `${resultsFolder}bench-${stamp}.json`;
  writeFileSync(jsonPath, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(`${resultsFolder}latest.md`, markdownReport(result));
  console.log(`wrote ${jsonPath} and ${resultsFolder}latest.md`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
