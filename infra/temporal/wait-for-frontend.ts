import { setTimeout as sleep } from 'node:timers/promises';

import { Connection } from '@temporalio/client';

/** One readiness probe may not hang longer than this; the overall deadline is the caller's. */
const ATTEMPT_MS = 2_000;
const RETRY_PAUSE_MS = 250;

/** Why waiting stopped without an answer: the process died, or the deadline passed. */
export type FrontendWait =
  | { ready: true }
  | { ready: false; reason: 'exited' }
  | { ready: false; reason: 'timeout'; lastError: string };

/**
 * Polls the frontend until it describes the namespace: a listening port is not enough, the
 * server also has to have created its namespaces in the database. Every probe and pause
 * races `exited`, so a server that crashes at once fails fast instead of at the deadline.
 */
export async function waitForFrontend(target: {
  address: string;
  namespace: string;
  timeoutMs: number;
  exited: Promise<unknown>;
}): Promise<FrontendWait> {
  const deadline = Date.now() + target.timeoutMs;
  const exit = target.exited.then(() => 'exited' as const);
  let lastError = 'no attempt made';

  while (Date.now() < deadline) {
    const attempt = describeNamespace(target.address, target.namespace).then(
      () => 'ready' as const,
      (error: Error) => {
        lastError = error.message;
        return 'failed' as const;
      },
    );
    const outcome = await Promise.race([attempt, exit]);
    if (outcome !== 'failed') return outcome === 'ready' ? { ready: true } : exitedResult();

    const pause = await Promise.race([sleep(RETRY_PAUSE_MS, 'paused' as const), exit]);
    if (pause === 'exited') return exitedResult();
  }

  return { ready: false, reason: 'timeout', lastError };
}

function exitedResult(): FrontendWait {
  return { ready: false, reason: 'exited' };
}

async function describeNamespace(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address, connectTimeout: ATTEMPT_MS });
  try {
    await connection.withDeadline(Date.now() + ATTEMPT_MS, () =>
      connection.workflowService.describeNamespace({ namespace }),
    );
  } finally {
    await connection.close();
  }
}
