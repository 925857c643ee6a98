import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { loadavg } from 'node:os';

import type { Digits } from '../../activities/data/image-set';
import { initModelBackend } from '../../activities/model/backend';
import { IllegalStateError } from '../../events/errors';
import type { BackendPlan } from './bench-plan';
import type { BackendResult, BenchBackend } from './bench-result';
import { measureForward } from './measure-forward';
import { measureMatMul } from './measure-mat-mul';
import { measureTraining } from './measure-training';
import { plural } from './report';

/** Starts a numbered phase and returns where its progress lines go. */
export type StartPhase = (title: string) => (line: string) => void;

/**
 * Switches tfjs to `backend` (in this process: tf.setBackend switches cleanly as long as
 * no tensor outlives its backend, and every phase disposes its own) and measures training,
 * forward + entropy and matMul on it, in that order.
 */
export async function measureBackend(
  backend: BenchBackend,
  digits: Digits,
  plan: BackendPlan,
  startPhase: StartPhase,
): Promise<BackendResult> {
  const loadBefore = loadavg();
  const active = await initModelBackend(backend);
  if (active !== backend || tf.getBackend() !== backend) {
    throw new IllegalStateError(
      `backend: expected tfjs to run on ${backend}, received ${active} (tfjs: ${tf.getBackend()})`,
    );
  }
  const wasm = backend === 'wasm' ? await wasmBuild() : undefined;

  const { trainingSamples, trainingEpochs, batchSize } = plan;
  const trainingLog = startPhase(
    `${backend}: training ${trainingSamples} digits, ${trainingEpochs} epochs, batch ` +
      `${batchSize}${wasm ? ` (SIMD ${wasm.simd ? 'on' : 'off'}, threads ${wasm.threads})` : ''}`,
  );
  const { measurement: training, model } = await measureTraining(digits, plan, trainingLog);
  const batchSweep = [];
  for (const size of plan.batchSweep) {
    const sweepLog = startPhase(`${backend}: the same training at batch ${size}`);
    const sweep = await measureTraining(digits, { ...plan, batchSize: size }, sweepLog);
    sweep.model.dispose();
    batchSweep.push(sweep.measurement);
  }

  try {
    const forwardLog = startPhase(
      `${backend}: forward pass + entropy over ${plan.forwardImages} digits, ` +
        `${plural(plan.forwardReps, 'rep')}`,
    );
    const forward = measureForward(model, digits, plan, forwardLog);

    const size = plan.matMulSize;
    const matMulLog = startPhase(
      `${backend}: matMul ${size}x${size}x${size}, ${plural(plan.matMulReps, 'rep')}`,
    );
    const matMul = measureMatMul(plan);
    matMulLog(`${matMul.gflops.toFixed(2)} GFLOP/s`);

    return {
      backend,
      wasm,
      loadBefore,
      loadAfter: loadavg(),
      training,
      batchSweep,
      forward,
      matMul,
    };
  } finally {
    model.dispose();
  }
}

/**
 * Which wasm build runs. tfjs-backend-wasm 4.x never takes its threaded build under
 * Node (its multithread flag is hard-wired to false there), so one thread is expected.
 */
async function wasmBuild(): Promise<NonNullable<BackendResult['wasm']>> {
  return {
    simd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')),
    multithread: Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')),
    threads: getThreadsCount(),
  };
}
