import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectCampaignClient, type CampaignClient } from '../../client/campaign-client';
import type { EventStore } from '../../events/store/event-store';
import { openEventStore } from '../../events/store/open';
import { buildWebApp, webBuildIsStale } from '../../web/app-build';
import { startWebServer, type WebServer } from '../../web/server-process';
import {
  startPrivateTemporalServer,
  type PrivateTemporalServer,
} from '../support/temporal-private-server';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process';
import { freeLoopbackPort } from './free-port';

/** The whole product on loopback, for one test file: nothing in it is a stand-in. */
export interface RunningProduct {
  temporal: PrivateTemporalServer;
  worker: WorkerProcess;
  web: WebServer;
  /** The client campaign owners and scripts use, e.g. to start a campaign. */
  client: CampaignClient;
  /** The event store the worker writes and the web server reads, opened for assertions. */
  store: EventStore;
  /** Stops everything started, newest first: each process by its pid. */
  stop(): Promise<void>;
}

const taskQueue = 'web-e2e';
const workerReadyMs = 150_000;

async function workerReady(worker: WorkerProcess): Promise<void> {
  const exited = worker.exited.then((code) => {
    throw new Error(`worker ${worker.pid} exited with ${code} before it was ready`);
  });
  await Promise.race([worker.waitForLine(/"worker ready"/, workerReadyMs), exited]);
}

/**
 * Starts a private Temporal server, the real worker and the built web server on one fresh
 * event store and artefact folder. What started is stopped again when a later step fails.
 */
export async function startRunningProduct(): Promise<RunningProduct> {
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const step of stops.splice(0).reverse()) await step();
  };

  try {
    if (webBuildIsStale()) await buildWebApp('ignore');
    const folder = await mkdtemp(path.join(tmpdir(), 'web-e2e-'));
    stops.push(() => rm(folder, { recursive: true, force: true }));

    const temporal = await startPrivateTemporalServer();
    stops.push(() => temporal.dispose());
    const env = {
      TEMPORAL_ADDRESS: temporal.server.address,
      EVENT_STORE: path.join(folder, 'events.sqlite'),
      ARTEFACTS: path.join(folder, 'artefacts'),
      TASK_QUEUE: taskQueue,
    };

    // The worker creates the store's schema; the web server opens the store after it.
    const worker = startWorkerProcess(env);
    stops.push(() => worker.stop());
    await workerReady(worker);

    const web = await startWebServer({ port: await freeLoopbackPort(), env, output: 'keep' });
    stops.push(() => web.stop());
    const client = await connectCampaignClient({ address: env.TEMPORAL_ADDRESS, taskQueue });
    stops.push(() => client.close());
    const store = openEventStore(env.EVENT_STORE);
    stops.push(() => store.close());

    return { temporal, worker, web, client, store, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
