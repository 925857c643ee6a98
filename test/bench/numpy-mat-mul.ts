import { spawnSync } from 'node:child_process';

import type { NumpyMeasurement } from './bench-result';
import { gflopsPerSecond, median, squareMatMulFlops } from './stats';

/** Times float32 a @ b in numpy after two warm-ups; prints JSON, or why numpy is absent. */
const script = `
import json, sys, time
try:
    import numpy as np
except ImportError as error:
    print(json.dumps({'available': False, 'reason': str(error)}))
    sys.exit(0)
size, reps = int(sys.argv[1]), int(sys.argv[2])
rng = np.random.default_rng(1)
a = rng.standard_normal((size, size), dtype=np.float32)
b = rng.standard_normal((size, size), dtype=np.float32)
for _ in range(2):
    a @ b
rep_ms = []
for _ in range(reps):
    started = time.perf_counter()
    a @ b
    rep_ms.append((time.perf_counter() - started) * 1000)
print(json.dumps({'available': True, 'version': np.__version__, 'repMs': rep_ms}))
`;

type ScriptOutput =
  { available: false; reason: string } | { available: true; version: string; repMs: number[] };

/**
 * numpy's matMul rate on this machine (its BLAS may use both cores), the reference the
 * issue asks for beside the tfjs rates. Absent python3 or numpy is reported, not thrown.
 */
export function measureNumpyMatMul(size: number, reps: number): NumpyMeasurement {
  const run = spawnSync('python3', ['-c', script, String(size), String(reps)], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.error) return { available: false, reason: `python3 did not run: ${run.error.message}` };
  if (run.status !== 0) {
    return { available: false, reason: `python3 exited ${run.status}: ${run.stderr.trim()}` };
  }

  const output = JSON.parse(run.stdout) as ScriptOutput;
  if (!output.available) return output;
  const { version, repMs } = output;
  return {
    available: true,
    version,
    size,
    repMs,
    gflops: gflopsPerSecond(squareMatMulFlops(size), median(repMs)),
  };
}
