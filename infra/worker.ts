// Worker entry: runs the campaign and round workflows and every activity on one task queue.
// Started by `npm start`, by tests as a child process they can kill, or by hand:
//   tsx infra/worker.ts   (settings from the environment, see infra/settings.ts)
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createCampaignActivities } from '../activities/campaign-activities';
import { openArtefactFolder } from '../activities/artefacts/artefact-folder';
import { createRoundActivities } from '../activities/round-activities';
import { openEventStore } from '../events/store/open';
import { readSettings } from './settings';

async function main() {
  const settings = readSettings();
  const store = openEventStore(settings.eventStore);
  const artefacts = openArtefactFolder(settings.artefacts);
  const dependencies = {
    store,
    artefacts,
    progress: (message: string, fields: Record<string, unknown>) =>
      console.log(JSON.stringify({ message, ...fields })),
  };

  const connection = await NativeConnection.connect({ address: settings.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: settings.namespace,
    taskQueue: settings.taskQueue,
    workflowsPath: fileURLToPath(new URL('../workflows/index.ts', import.meta.url)),
    activities: {
      ...createCampaignActivities(dependencies),
      ...createRoundActivities(dependencies),
    },
    // Training holds the event loop for a whole batch; one model activity at a time keeps
    // heartbeats and the other steps responsive on two cores.
    maxConcurrentActivityTaskExecutions: 2,
  });
  console.log(JSON.stringify({ message: 'worker ready', pid: process.pid, ...settings }));

  await worker.run();
  await connection.close();
  await store.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
