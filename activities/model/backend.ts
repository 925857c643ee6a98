import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
// Training needs every op's gradient; the layers bundle registers them all on import.
import '@tensorflow/tfjs-layers';

import { ValidationError } from '../../events/errors';
import { registerWasmTrainingKernels } from './kernels/register-wasm-kernels';

/** The tfjs backends a round can train on, fastest first when installed. */
export type ModelBackendChoice = 'node-gpu' | 'node' | 'wasm' | 'cpu';

/** Where the backend choice is reported; the lead hands in the activity logger. */
export type BackendLog = (message: string, fields: Record<string, unknown>) => void;

const choices: readonly ModelBackendChoice[] = ['node-gpu', 'node', 'wasm', 'cpu'];

/** The optional native bindings: installed only where their prebuilt library downloads. */
const nativePackages: Record<'node-gpu' | 'node', string> = {
  'node-gpu': '@tensorflow/tfjs-node-gpu',
  node: '@tensorflow/tfjs-node',
};

/**
 * Selects the tfjs backend and returns its name as tfjs reports it ('tensorflow', 'wasm'
 * or 'cpu'). Without a preference it takes tfjs-node-gpu, then tfjs-node when they can be
 * imported, else WebAssembly with the project's training kernels. A preferred native
 * backend that is not installed falls back the same way. Safe to call repeatedly.
 */
export async function initModelBackend(
  preferred?: ModelBackendChoice,
  log: BackendLog = () => {},
): Promise<string> {
  if (preferred !== undefined && !choices.includes(preferred)) {
    throw new ValidationError(
      `model backend must be one of ${choices.join(', ')}, received ${String(preferred)}`,
    );
  }
  const order = preferred === undefined ? choices.slice(0, 3) : fallbackOrder(preferred);

  for (const choice of order) {
    const name = await activate(choice);
    if (name !== undefined) {
      log('model backend ready', { backend: name, preferred: preferred ?? 'auto' });
      return name;
    }
  }
  throw new Error(`no tfjs backend could be initialised among ${order.join(', ')}`);
}

function fallbackOrder(preferred: ModelBackendChoice): ModelBackendChoice[] {
  if (preferred === 'cpu') return ['cpu'];
  if (preferred === 'wasm') return ['wasm', 'cpu'];
  return [preferred, 'wasm', 'cpu'];
}

async function activate(choice: ModelBackendChoice): Promise<string | undefined> {
  if (choice === 'node-gpu' || choice === 'node') {
    const imported = await importOptional(nativePackages[choice]);
    return imported && (await tf.setBackend('tensorflow')) ? 'tensorflow' : undefined;
  }
  if (!(await tf.setBackend(choice))) return undefined;
  await tf.ready();
  if (choice === 'wasm') registerWasmTrainingKernels();
  return choice;
}

/**
 * The native packages register their 'tensorflow' backend on import. The specifier is a
 * variable so that neither TypeScript nor the bundler requires the package to exist.
 */
async function importOptional(specifier: string): Promise<boolean> {
  try {
    await import(/* @vite-ignore */ specifier);
    return true;
  } catch {
    return false;
  }
}
