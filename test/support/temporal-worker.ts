import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { WorkflowBundle } from '@temporalio/worker';

/**
 * Runs `work` with a client while a real worker serves `taskQueue` on the server at
 * `address`, then shuts the worker down and closes both connections, so the test leaves no
 * poller behind when it stops or restarts the server.
 */
export async function runWithWorker<T>(
  target: {
    address: string;
    namespace?: string;
    taskQueue: string;
    workflowBundle: WorkflowBundle;
  },
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const workerConnection = await NativeConnection.connect({ address: target.address });
  const clientConnection = await Connection.connect({ address: target.address });
  try {
    const worker = await Worker.create({
      connection: workerConnection,
      namespace: target.namespace,
      taskQueue: target.taskQueue,
      workflowBundle: target.workflowBundle,
    });
    return await worker.runUntil(
      work(new Client({ connection: clientConnection, namespace: target.namespace })),
    );
  } finally {
    await clientConnection.close();
    await workerConnection.close();
  }
}
