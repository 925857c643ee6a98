// `npm start`: the whole product on one machine. Installs the Temporal CLI when missing,
// starts the Temporal dev server (SQLite), the worker and the web app, then a demo campaign
// on real MNIST digits answered by a scripted expert, and prints its progress.
import { connectCampaignClient } from '../client/campaign-client';
import { openArtefactFolder } from '../activities/artefacts/artefact-folder';
import { startScriptedExpert } from '../client/scripted-expert';
import { summarizeEvent } from '../events/projections/event-summary';
import { openEventStore } from '../events/store/open';
import { buildWebApp, webBuildIsStale } from '../web/app-build';
import { startWebServer } from '../web/server-process';
import { claimDataDir } from './data-dir-lock';
import { demoCampaign } from './demo-campaign';
import { startWorkerEntry } from './owned-process';
import { describeWorkerLine } from './progress-lines';
import { scriptCommandLine, writableFolder } from './command-line';
import { portProblem, readSettings } from './settings';
import { assertPortFree } from './temporal/free-port';
import { startTemporalServer } from './temporal/server';

const usage = `Usage: npm start -- [--rounds N] [--count N] [--noise R] [--no-expert] [--no-demo]
Starts Temporal, the worker, the web app and (unless --no-demo) the MNIST demo campaign.
  --rounds N    rounds of the demo campaign, 1 to 100 (default 3)
  --count N     MNIST digits in the demo, 100 to 10000 (default 2000)
  --noise R     share of wrong answers by the scripted expert, 0 to 1 (default 0.05)
  --no-expert   leave the demo's queries to you (answer them on the page or via GraphQL)
  --no-demo     start no campaign
Options apply when the demo campaign is created; an existing one continues as it was.
State lives in DATA_DIR (default .data); delete it to start over. Environment: see README.`;

const stops: (() => Promise<void>)[] = [];
// Once only: the worker exiting because shutdown stopped it must not start a second
// shutdown, whose exit would cut the first one short and leave Temporal running.
// It first lets main reach its next step, where it returns, so that a server main is still
// starting is stopped too instead of outliving this process.
let stopping: Promise<never> | undefined;
let started: Promise<unknown> = Promise.resolve();
const shutdown = (code: number) =>
  (stopping ??= (async () => {
    await started.catch(() => undefined);
    if (stops.length > 0) console.log('stopping what this start began...');
    for (let stop = stops.pop(); stop; stop = stops.pop()) await stop().catch(() => undefined);
    process.exit(code);
  })());

async function main() {
  const { values, number, fail } = scriptCommandLine('npm start', usage, {
    rounds: { type: 'string' },
    count: { type: 'string' },
    noise: { type: 'string' },
    'no-demo': { type: 'boolean', default: false },
    'no-expert': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  const rounds = number('rounds', 3, [1, 100]);
  const count = number('count', 2000, [100, 10_000]);
  const noise = number('noise', 0.05, [0, 1], false);

  const settings = readSettings();
  const ports = portProblem(settings);
  if (ports) fail(ports);
  try {
    // The variable as given: an empty one would resolve to the current folder.
    writableFolder('DATA_DIR', process.env.DATA_DIR ?? settings.dataDir);
  } catch (error) {
    fail((error as Error).message);
  }
  const release = claimDataDir(settings.dataDir);
  stops.push(async () => release());
  // Not once: Ctrl-C reaches this process twice, from the terminal and relayed by tsx, and a
  // second signal without a handler would end it before the servers are stopped.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void shutdown(0));
  }
  // A closed pipe (`npm start | head`) must stop the servers, not orphan them.
  process.stdout.on('error', () => void shutdown(1));
  // Checked before anything starts: a web server that cannot bind would leave the address
  // to whoever holds it, and the page printed below would be theirs.
  await assertPortFree(settings.webPort, 'Web app (PORT)');

  console.log('[1/5] Temporal dev server (SQLite persistence)');
  const temporal = await startTemporalServer({
    dbFile: settings.temporalDb,
    port: settings.temporalPort,
    uiPort: settings.temporalUiPort,
    onProgress: (message) => console.log(`      ${message}`),
  });
  stops.push(() => temporal.stop());
  if (stopping) return;
  console.log(`      frontend ${temporal.address}, Web UI ${temporal.uiUrl} (pid ${temporal.pid})`);

  console.log('[2/5] worker');
  const env = {
    TEMPORAL_ADDRESS: temporal.address,
    EVENT_STORE: settings.eventStore,
    ARTEFACTS: settings.artefacts,
  };
  const worker = startWorkerEntry(env, (line) => {
    const described = describeWorkerLine(line);
    if (described) console.log(`      ${described}`);
  });
  stops.push(() => worker.stop());
  if (stopping) return;
  console.log(`      pid ${worker.pid}`);
  void worker.exited.then((code) => {
    if (stopping) return;
    console.error(`worker ${worker.pid} exited with ${code}`);
    void shutdown(1);
  });

  console.log('[3/5] web app');
  if (webBuildIsStale())
    console.log(`      built in ${((await buildWebApp('ignore')) / 1000).toFixed(1)} s`);
  const web = await startWebServer({
    host: settings.webHost,
    port: settings.webPort,
    env,
    output: 'keep',
  });
  stops.push(() => web.stop());
  if (stopping) return;
  console.log(`      ${web.url} (pid ${web.process.pid})`);

  const store = openEventStore(settings.eventStore);
  stops.push(() => store.close());
  const client = await connectCampaignClient({
    address: temporal.address,
    taskQueue: settings.taskQueue,
  });
  stops.push(() => client.close());
  if (stopping) return;
  // After a restart the history is on the page's audit timeline; the terminal shows what is new.
  const earlier = await store.readAll();
  const from = earlier.at(-1)?.metadata.position ?? 0;
  if (from > 0) console.log(`      ${earlier.length} events recorded before this start`);
  store.subscribe(from, (event) => console.log(`      ${summarizeEvent(event)}`));

  if (values['no-demo']) {
    console.log('[4/5] no demo campaign (--no-demo)');
    console.log('[5/5] no scripted expert either');
    console.log(`      open ${web.url}; Ctrl-C stops everything`);
    return;
  }
  console.log('[4/5] demo campaign on MNIST digits');
  const campaign = demoCampaign({ rounds, count });
  const history = await store.readStream(`campaign-${campaign.campaignId}`);
  const completed = history.find((event) => event.type === 'CampaignCompleted');
  if (history.length === 0) await client.startCampaign(campaign);
  else if (completed) {
    console.log(
      `      ${campaign.campaignId} completed already: its history stays on the page; ` +
        'delete DATA_DIR to run the demo again',
    );
  } else console.log(`      ${campaign.campaignId} exists already: it continues where it was`);

  const expertId = campaign.experts[0]!;
  if (values['no-expert']) {
    console.log(`[5/5] no scripted expert (--no-expert): answer as ${expertId} on the page`);
  } else {
    console.log('[5/5] scripted expert answering from the ground truth');
    const artefacts = openArtefactFolder(settings.artefacts);
    startScriptedExpert({ store, client, expertId, noise, artefacts });
  }
  console.log(`      open ${web.url} to follow the campaign; Ctrl-C stops everything`);
}

started = main();
started.catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  // Whatever started before the failure is stopped again, by pid.
  void shutdown(1);
});
