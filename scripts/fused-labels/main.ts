/**
 * npm run fused-labels: a whole campaign on the real product parts (Temporal dev server,
 * worker, SQLite store) whose starting labels fuse and split classes, answered by a
 * simulated noisy panel. See --help.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openArtefactFolder } from '../../activities/artefacts/artefact-folder';
import { loadMnistDigits } from '../../activities/data/mnist';
import { labelAccuracy } from '../../activities/labelling/label-accuracy';
import { readClusteredLayout } from '../../activities/round/cluster-membership';
import { newLabelIdsOf } from '../../activities/round/pair-decisions';
import { connectCampaignClient } from '../../client/campaign-client';
import { startSimulatedExperts } from '../../client/scripted-expert';
import { createSimulatedPanel } from '../../client/simulated-panel';
import type { RecordedEvent, RecordedEventOf } from '../../events/catalog';
import {
  formatTree,
  type LabelTree,
  labelTreeOf,
  projectLabelTrees,
  treeAt,
} from '../../events/projections/label-tree';
import { openSqliteEventStore } from '../../events/store/sqlite-event-store';
import { scriptCommandLine } from '../../infra/command-line';
import { experimentClock } from '../experiment-clock';
import { describePanel, experimentExperts } from '../experiment-panel';
import { startWorkerEntry } from '../../infra/owned-process';
import { freePorts } from '../../infra/temporal/free-port';
import { startTemporalServer } from '../../infra/temporal/server';
import type { CampaignInput } from '../../workflows/campaign-input';
import { pairLines, roundLine, roundsMarkdown, roundsSvg } from './report';
import { fusedLabels, initialFusedLabels, parentClassOf } from './taxonomy';

const help = `Usage: npm run fused-labels -- [options]

Runs one campaign end to end on the product's real parts, on the shipped MNIST digits,
starting from labels that fuse 4 with 9 and 3/5/8 and split the ones into 1a and 1b, with a
simulated panel: ada (2 % wrong), ben (5 %), cy (10 %), and dan, who is unavailable. Prints
and writes per-round accuracy, the label tree, and the parent- vs leaf-level accuracy.

Options:
  --count N        digits, 500..10000 (default 2000)
  --rounds N       rounds, 1..20 (default 4)
  --labelled S     share of the digits labelled at the start, 0.01..1 (default 0.1)
  --epochs N       first round's epochs (default 30); --warm-epochs N later rounds (default 8)
  --label-weight W weight of the cross-entropy on the labelled digits (model.labelWeight),
                   0..10 (default: the product's, 0: off)
  --pair-jumps N   jumps of each pair's walk per round, 1..10 (default 1: the path only)
  --pair-sampling S  later jumps' samples: adaptive (default) or uncertainty
  --out DIR        results folder (default experiment-results/fused-labels)
  -h, --help       this text`;

const {
  values: args,
  number,
  fail,
  outFolder,
} = scriptCommandLine('fused-labels', help, {
  count: { type: 'string' },
  rounds: { type: 'string' },
  labelled: { type: 'string' },
  epochs: { type: 'string' },
  'warm-epochs': { type: 'string' },
  'label-weight': { type: 'string' },
  'pair-jumps': { type: 'string' },
  'pair-sampling': { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
});
const count = number('count', 2000, [500, 10_000]);
const rounds = number('rounds', 4, [1, 20]);
const labelledShare = number('labelled', 0.1, [0.01, 1], false);
const epochs = number('epochs', 30, [1, 500]);
const warmEpochs = number('warm-epochs', 8, [1, 500]);
const labelWeight = number('label-weight', Number.NaN, [0, 10], false);
const pairJumps = number('pair-jumps', 1, [1, 10]);
const pairSampling = samplingOf(args['pair-sampling'] ?? 'adaptive');
const out = outFolder('out', 'experiment-results/fused-labels');

const { log, minutes } = experimentClock();

const folder = mkdtempSync(join(tmpdir(), 'fused-labels-'));
const digits = loadMnistDigits({ count });
const experts = [...experimentExperts, { expertId: 'dan', errorRate: 0, available: false }];
const panelText = describePanel(experts);
const campaign: CampaignInput = {
  campaignId: 'fused-labels',
  name: 'MNIST with fused and split starting labels',
  owner: 'quality-manager',
  labels: fusedLabels,
  initialLabels: initialFusedLabels(digits.labels, labelledShare),
  experts: experts.map((expert) => expert.expertId),
  rounds,
  dataset: { kind: 'mnist', count, offset: 0 },
  model: {
    clusters: 10,
    epochs,
    warmEpochs,
    batchSize: 32,
    seed: 1,
    ...(Number.isNaN(labelWeight) ? {} : { labelWeight }),
  },
  // A query no label fits (an expert would leave it) expires after two minutes.
  queries: {
    perRound: 20,
    quorum: 3,
    panelSize: 3,
    deadlineSeconds: 120,
    pairsPerRound: 4,
    pairJumps,
    pairSampling,
  },
};

const [port, uiPort] = await freePorts(2);
const temporal = await startTemporalServer({
  dbFile: join(folder, 'temporal.sqlite'),
  port: port!,
  uiPort: uiPort!,
  onProgress: log,
});
const env = {
  TEMPORAL_ADDRESS: temporal.address,
  EVENT_STORE: join(folder, 'events.sqlite'),
  ARTEFACTS: join(folder, 'artefacts'),
  TASK_QUEUE: 'fused-labels',
};
const worker = startWorkerEntry(env, (line) => {
  if (/epoch done|round completed|pairs put/.test(line)) log(`worker: ${line.slice(0, 160)}`);
});
const store = openSqliteEventStore(env.EVENT_STORE);
const client = await connectCampaignClient({
  address: env.TEMPORAL_ADDRESS,
  taskQueue: env.TASK_QUEUE,
});
const artefacts = openArtefactFolder(env.ARTEFACTS);
// Once, whether a signal or the end of the run asks first. After a signal the client stays
// open until the process exits: closing it under the campaign's pending long poll makes
// its retry timer throw outside any promise, which ended the run before its cleanup.
let stopping: Promise<void> | null = null;
let signalled = false;
const stopAll = () =>
  (stopping ??= (async () => {
    if (!signalled) await client.close().catch(() => undefined);
    await worker.stop().catch(() => undefined);
    await temporal.stop().catch(() => undefined);
    await store.close().catch(() => undefined);
    rmSync(folder, { recursive: true, force: true });
  })());
// Exit codes as a shell reports a process ended by the signal: 128 + its number.
for (const [signal, code] of [
  ['SIGHUP', 129],
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.on(signal, () => {
    if (!signalled) log(`${signal}: stopping the servers this run started`);
    signalled = true;
    void stopAll().then(() => process.exit(code));
  });
}

try {
  const panel = createSimulatedPanel(experts, 1);
  const answering = startSimulatedExperts({ store, client, panel, artefacts });
  log(
    `campaign: ${count} digits, ${rounds} rounds, ${(labelledShare * 100).toFixed(0)} % labelled`,
  );
  await client.startCampaign(campaign);
  await client.markExpertUnavailable(campaign.campaignId, 'dan', 'on leave for the campaign');
  log('dan marked unavailable: his queries go to the others');
  await client.resultOf(campaign.campaignId);
  await answering.close();

  const events = await store.readStream(`campaign-${campaign.campaignId}`);
  const lines = roundLines(events);
  const tree = labelTreeOf(projectLabelTrees(events), campaign.campaignId);
  const hierarchy = await parentAndLeafAccuracy(events);
  const markdown = [
    `# Fused-labels campaign on ${count} MNIST digits`,
    '',
    `Start: labels ${fusedLabels.join(', ')}; ${(labelledShare * 100).toFixed(0)} % of the ` +
      `digits labelled. Panel: ${panelText}. ` +
      `Label weight (E3): ${campaign.model.labelWeight ?? 0}. ` +
      `Pair walks: ${pairJumps} jump${pairJumps === 1 ? '' : 's'}` +
      `${pairJumps > 1 ? ` (${pairSampling} sampling)` : ''}. ` +
      `${minutes()} minutes.`,
    '',
    roundsMarkdown(lines),
    '',
    '## Pairs put to the experts',
    '',
    ...pairReport(events, tree),
    '',
    '## Label tree at the start and at the end',
    '',
    '```',
    formatTree(treeAt(events, campaign.campaignId, firstRoundStart(events))),
    '```',
    '',
    '```',
    formatTree(tree),
    '```',
    '',
    '## Parent level against leaf level (Table 2 effect)',
    '',
    `Leaf level (true digits): ${(hierarchy.leaf * 100).toFixed(1)} %; parent level ` +
      `(4|9, 3|5|8 and the ones as one class each): ${(hierarchy.parent * 100).toFixed(1)} %.`,
  ].join('\n');
  writeFileSync(join(out, 'rounds.md'), `${markdown}\n`);
  writeFileSync(join(out, 'rounds.json'), `${JSON.stringify({ lines, hierarchy }, null, 2)}\n`);
  writeFileSync(join(out, 'rounds.svg'), roundsSvg(lines, 0.9843));
  console.log(`\n${markdown}\n`);
  log(`wrote rounds.md, rounds.json, rounds.svg to ${out}`);
} catch (error) {
  if (!signalled) {
    console.error(`fused-labels failed: ${(error as Error).message}`);
    process.exitCode = 1;
  }
} finally {
  await stopAll();
}

function ofType<T extends RecordedEvent['type']>(events: RecordedEvent[], type: T) {
  return events.filter((event): event is RecordedEventOf<T> => event.type === type);
}

/** The pairs with their decisions and the tree change each pair's votes made. */
function pairReport(events: RecordedEvent[], tree: LabelTree): string[] {
  const pairs = ofType(events, 'CollisionDetected').map((event) => event.data);
  // A pair's change creates the first of its new label ids, as the round numbers them.
  const pairCreating = new Map(pairs.map(({ pairId }) => [newLabelIdsOf(pairId)[0], pairId]));
  const changedBy = new Map<string, string>();
  const record = (labelId: string, change: string) => {
    const pairId = pairCreating.get(labelId);
    if (pairId !== undefined) changedBy.set(pairId, change);
  };
  for (const { data } of ofType(events, 'LabelsMerged')) {
    record(data.parentId, `merged under ${data.parentId}`);
  }
  for (const { data } of ofType(events, 'LabelSplit')) {
    record(data.children[0]!.labelId, `split into ${data.children.length}`);
  }
  for (const { data } of ofType(events, 'LabelCreated')) {
    record(data.labelId, `new label "${data.name}"`);
  }
  const lines = pairLines(
    pairs,
    ofType(events, 'PairDecided').map((event) => event.data),
    changedBy,
    (labelId) => tree.labels[labelId]?.name ?? labelId,
  );
  return lines.length > 0 ? lines : ['No pairs were asked about.'];
}

function firstRoundStart(events: RecordedEvent[]): number {
  return ofType(events, 'RoundStarted')[0]?.metadata.position ?? events.at(-1)!.metadata.position;
}

function roundLines(events: RecordedEvent[]) {
  const queried = new Set<number>();
  return ofType(events, 'RoundCompleted').map((completed) => {
    const upTo = events.filter((event) => event.metadata.position <= completed.metadata.position);
    const issued = ofType(upTo, 'QueryIssued');
    for (const query of issued) if (!query.data.question) queried.add(query.data.imageId);
    const samples = issued.filter(
      (query) => query.data.question && query.data.round === completed.data.round,
    ).length;
    const tree = labelTreeOf(projectLabelTrees(upTo), campaign.campaignId);
    const labelled = Object.keys(tree.pointLabels).length;
    return roundLine(completed.data, queried.size, labelled, samples, count);
  });
}

/** The final tree scored against the digits (leaves) and against the parent classes. */
async function parentAndLeafAccuracy(events: RecordedEvent[]) {
  const clustered = ofType(events, 'ClustersAssigned').at(-1)!.data;
  const { clusters } = await readClusteredLayout(artefacts, clustered.clusteringHash);
  const tree = labelTreeOf(projectLabelTrees(events), campaign.campaignId);
  const parents = Int32Array.from(digits.labels, parentClassOf);
  return {
    leaf: labelAccuracy(tree, clusters, digits.labels).accuracy,
    parent: labelAccuracy(tree, clusters, parents, 0).accuracy,
  };
}

function samplingOf(text: string): 'adaptive' | 'uncertainty' {
  return text === 'adaptive' || text === 'uncertainty'
    ? text
    : fail(`--pair-sampling: expected adaptive or uncertainty, got "${text}"`);
}
