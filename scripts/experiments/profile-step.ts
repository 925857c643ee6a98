/**
 * Profiles one training step of the autoencoder on the wasm backend and prints the time
 * spent per kernel, to show where a round's training time goes.
 *   npx tsx scripts/experiments/profile-step.ts --batch 32
 */
import * as tf from '@tensorflow/tfjs-core';
import { parseArgs } from 'node:util';

import { loadMnistDigits } from '../../activities/data/mnist';
import { createAutoencoderModel } from '../../activities/model/autoencoder';
import { initModelBackend } from '../../activities/model/backend';

const { values: args } = parseArgs({
  options: {
    batch: { type: 'string', default: '32' },
    filters: { type: 'string', default: '16,32,64' },
    kernels: { type: 'string', default: '5,5,3' },
  },
});

async function main() {
  const backend = await initModelBackend('wasm');
  const batch = Number(args.batch);
  const digits = loadMnistDigits({ count: batch });
  const model = createAutoencoderModel({
    embeddingSize: 10,
    filters: args.filters.split(',').map(Number) as [number, number, number],
    kernelSizes: args.kernels.split(',').map(Number) as [number, number, number],
  });
  const optimizer = tf.train.adam(1e-3);
  const variables = [...model.encoder.trainableWeights, ...model.decoder.trainableWeights].map(
    (w) => w.read() as tf.Variable,
  );
  const x = tf.tensor4d(digits.images, [batch, 28, 28, 1]);
  const step = () =>
    tf.tidy(() => {
      optimizer.minimize(
        () => {
          const h = model.encoder.apply(x) as tf.Tensor;
          return tf.mean(tf.squaredDifference(model.decoder.apply(h) as tf.Tensor, x));
        },
        false,
        variables,
      );
    });
  step();

  const started = performance.now();
  const profile = await tf.profile(step);
  const stepMs = performance.now() - started;
  const byKernel = new Map<string, number>();
  for (const kernel of profile.kernels) {
    const ms = Number(kernel.kernelTimeMs) || 0;
    byKernel.set(kernel.name, (byKernel.get(kernel.name) ?? 0) + ms);
  }
  const total = [...byKernel.values()].reduce((a, b) => a + b, 0);
  console.log(`1. backend ${backend}, batch ${batch}, step ${stepMs.toFixed(1)} ms wall`);
  console.log(`2. kernels ${total.toFixed(1)} ms, ${(stepMs / batch).toFixed(2)} ms per sample`);
  for (const [name, ms] of [...byKernel].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`   ${name.padEnd(24)} ${ms.toFixed(2).padStart(8)} ms`);
  }
  tf.dispose([x]);
  optimizer.dispose();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
