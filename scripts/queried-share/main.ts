/**
 * npm run queried-share: accuracy against the share of images a simulated panel is asked
 * about, against the paper's human-in-the-loop row. See --help.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadMnistDigits } from '../../activities/data/mnist';
import { initModelBackend } from '../../activities/model/backend';
import { trainAutoencoder } from '../../activities/model/train';
import { scriptCommandLine } from '../../infra/command-line';
import { experimentClock } from '../experiment-clock';
import { describePanel, experimentExperts } from '../experiment-panel';
import { paperHumanInTheLoop, sharesMarkdown, sharesSvg } from './report';
import type { SharePlan, ShareResult } from './share-run';
import { runShare } from './share-run';

const help = `Usage: npm run queried-share -- [options]

The paper's human-in-the-loop protocol on the shipped MNIST digits, offline: pretrains the
autoencoder once, then for each share of the digits runs rounds that ask a simulated panel
(${describePanel(experimentExperts)}; majority vote) about the most uncertain digits and
fine-tune on the k-means loss plus the cross-entropy on the voted labels. Prints and writes
shares.md, shares.json and shares.svg: accuracy against the share queried, beside the
paper's ${(paperHumanInTheLoop * 100).toFixed(2)} %.

Options:
  --count N             digits, 500..10000 (default 2000)
  --shares LIST         shares to ask about, 0..1, comma-separated
                        (default 0,0.01,0.02,0.05,0.1,0.2)
  --rounds N            rounds per share, 1..20 (default 4)
  --epochs N            fine-tuning epochs per round (default 4)
  --pretrain-epochs N   reconstruction epochs before the first round (default 30)
  --seed N              model, layout and panel seed (default 1)
  --selection S         per-cluster (default): each cluster's most uncertain digits in turn;
                        uncertain: the most uncertain digits overall;
                        random: a seeded draw, as Table 1's label rows
  --label-weight W      weight of the cross-entropy on the voted labels, 0..10 (default 0.1)
  --follow-majority     unlabelled digits are pulled towards the class most of their
                        cluster's labelled digits have (off by default)
  --learn L             what the cross-entropy learns: votes (default), the voted digits;
                        grown, every digit SSDBSCAN grows from them over the embedding
  --out DIR             results folder (default experiment-results/queried-share)
  -h, --help            this text

About 2-3 minutes per share on 2,000 digits, one core.`;

const {
  values: args,
  number,
  fail,
  outFolder,
} = scriptCommandLine('queried-share', help, {
  count: { type: 'string' },
  shares: { type: 'string' },
  rounds: { type: 'string' },
  epochs: { type: 'string' },
  'pretrain-epochs': { type: 'string' },
  seed: { type: 'string' },
  selection: { type: 'string' },
  'label-weight': { type: 'string' },
  'follow-majority': { type: 'boolean', default: false },
  learn: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
});
const count = number('count', 2000, [500, 10_000]);
const shares = (args.shares ?? '0,0.01,0.02,0.05,0.1,0.2').split(',').map((text) => {
  const share = /^\s*(0|1|0?\.\d+|0\.|1\.0*)\s*$/.test(text) ? Number(text) : Number.NaN;
  return Number.isNaN(share)
    ? fail(`--shares: expected numbers from 0 to 1 separated by commas, got "${args.shares}"`)
    : share;
});
if (new Set(shares).size !== shares.length) fail(`--shares: each share once, got "${args.shares}"`);
const plan: SharePlan = {
  rounds: number('rounds', 4, [1, 20]),
  epochs: number('epochs', 4, [1, 200]),
  batchSize: 32,
  seed: number('seed', 1, [0, 2 ** 31 - 1]),
  clusteringWeight: 0.2,
  experts: experimentExperts,
  selection: selectionOf(args.selection ?? 'per-cluster'),
  followLabelledMajority: args['follow-majority'] === true,
  labelWeight: number('label-weight', 0.1, [0, 10], false),
  learn: learnOf(args.learn ?? 'votes'),
};
const pretrainEpochs = number('pretrain-epochs', 30, [1, 500]);
const out = outFolder('out', 'experiment-results/queried-share');

const { log, minutes } = experimentClock();

const digits = loadMnistDigits({ count });
log(`backend ${await initModelBackend()}; ${count} digits, shares ${shares.join(', ')}`);
const pretrainedModel = await trainAutoencoder({
  images: digits.images,
  count,
  config: { embeddingSize: 10, seed: plan.seed },
  seed: plan.seed,
  epochs: pretrainEpochs,
  batchSize: plan.batchSize,
  options: { clusteringWeight: 0 },
  onEpochEnd: ({ epoch, loss }) =>
    log(`pretraining epoch ${epoch + 1}/${pretrainEpochs}: loss ${loss.toFixed(4)}`),
});
const pretrained = pretrainedModel.serializeWeights();
pretrainedModel.dispose();

const results: ShareResult[] = [];
for (const share of shares) {
  results.push(await runShare(share, digits, pretrained, plan, log));
  const markdown = [
    `# Accuracy against the share of images queried, ${count} MNIST digits`,
    '',
    `Pretrained ${pretrainEpochs} epochs; per share ${plan.rounds} rounds of questions, each ` +
      `followed by ${plan.epochs} fine-tuning epoch${plan.epochs === 1 ? '' : 's'} ` +
      `(lambda ${plan.clusteringWeight}, ` +
      `label weight ${plan.labelWeight} on the ${plan.learn === 'grown' ? 'grown' : 'voted'} ` +
      `digits); ` +
      `${plan.selection} selection` +
      `${plan.followLabelledMajority ? ', unlabelled digits follow the labelled majority' : ''}; ` +
      `panel ${describePanel(plan.experts)}; seed ${plan.seed}. Paper, human in the loop: ` +
      `${(paperHumanInTheLoop * 100).toFixed(2)} %. ` +
      `${minutes()} minutes.`,
    '',
    sharesMarkdown(results),
  ].join('\n');
  // Written after every share, so a long run that is stopped keeps what it measured.
  writeFileSync(join(out, 'shares.md'), `${markdown}\n`);
  writeFileSync(
    join(out, 'shares.json'),
    `${JSON.stringify({ count, pretrainEpochs, shares, plan, results }, null, 2)}\n`,
  );
  writeFileSync(join(out, 'shares.svg'), sharesSvg(results));
  console.log(`\n${sharesMarkdown(results)}\n`);
}
log(`wrote shares.md, shares.json, shares.svg to ${out}`);

function learnOf(text: string): SharePlan['learn'] {
  return text === 'votes' || text === 'grown'
    ? text
    : fail(`--learn: expected votes or grown, got "${text}"`);
}

function selectionOf(text: string): SharePlan['selection'] {
  return text === 'uncertain' || text === 'per-cluster' || text === 'random'
    ? text
    : fail(`--selection: expected per-cluster, uncertain or random, got "${text}"`);
}
