import * as tf from '@tensorflow/tfjs-core';

import type { MatMulMeasurement } from './bench-result';
import type { BackendPlan } from './bench-plan';
import { gflopsPerSecond, median, squareMatMulFlops } from './stats';

/**
 * The backend's matMul rate on square random matrices, as a yardstick for the training
 * rate. Reading the product back (dataSync) makes each repetition finish before the
 * clock stops; copying n x n floats out is small beside the 2n^3 operations.
 */
export function measureMatMul(plan: BackendPlan): MatMulMeasurement {
  const { matMulSize: size, matMulWarmUps: warmUps, matMulReps: reps } = plan;
  const a = tf.randomNormal([size, size], 0, 1, 'float32', 1);
  const b = tf.randomNormal([size, size], 0, 1, 'float32', 2);
  // The product is read and disposed by hand: returning its values from tf.tidy would make
  // tidy walk the n x n array element by element looking for tensors (~1 us each).
  const multiply = () => {
    const product = tf.matMul(a, b);
    product.dataSync();
    product.dispose();
  };

  const repMs: number[] = [];
  try {
    for (let rep = 0; rep < warmUps; rep++) multiply();
    for (let rep = 0; rep < reps; rep++) {
      const started = performance.now();
      multiply();
      repMs.push(performance.now() - started);
    }
  } finally {
    tf.dispose([a, b]);
  }
  return { size, repMs, gflops: gflopsPerSecond(squareMatMulFlops(size), median(repMs)) };
}
