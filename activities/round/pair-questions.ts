import type { EventData } from '../../events/catalog';
import { labelTreeOf, projectLabelTrees } from '../../events/projections/label-tree';
import type { LabelTree } from '../../events/projections/label-tree';
import type { ModelSettings } from '../../workflows/campaign-input';
import { ssdbscan } from '../clustering/ssdbscan';
import type { ActivityDependencies } from '../dependencies';
import { readCampaignStream } from '../events/campaign-stream';
import { pairPath } from '../labelling/pair-path';
import type { LabelPair } from '../labelling/spread-pairs';
import { collisionPairs, numberPairs, spreadPairs } from '../labelling/spread-pairs';
import { answerLabels, mergeParentsOf, trainingClasses } from '../labelling/training-classes';
import { mayMerge } from '../labelling/tree-changes';
import { readClusteredLayout } from './cluster-membership';
import { modelDecoder } from './model-decoder';
import { loadEmbeddedRoundModel } from './embedded-round-model';

export interface PlanPairsInput {
  campaignId: string;
  round: number;
  dataset: { kind: 'mnist'; count: number; offset: number };
  model: ModelSettings;
  weightsHash: string;
  /** Classes of the round model's head, as training reported them. */
  classes: number;
  clusteringHash: string;
  /** Pairs put to the experts at most; the strongest collisions first, then spreads. */
  maxPairs: number;
}

/** One synthetic sample of a pair, ready to become a query. */
export type PairSampleQuestion = Omit<NonNullable<EventData<'QueryIssued'>['question']>, 'kind'> & {
  imageId: number;
  options: string[];
};

/** What the round asks: the answers of a plain query, and the pairs' samples. */
export interface PlannedQuestions {
  /** Names of the labels a plain query may be answered with, as the tree stands now. */
  labelOptions: string[];
  pairs: PairSampleQuestion[];
}

/** Neighbours that make a point dense for SSDBSCAN on the 2-D layout. */
const minPts = 8;

/**
 * Finds the round's pairs (labels whose SSDBSCAN clusters collide, labels spread over two
 * of the model's clusters), records them, and decodes a synthetic image at each position of
 * each pair's path for the experts. Deterministic: a retry finds, decodes and stores the
 * same pairs and samples, and records nothing twice.
 */
export function createPlanPairs({ store, artefacts, progress }: ActivityDependencies) {
  return async function planPairs(input: PlanPairsInput): Promise<PlannedQuestions> {
    const { campaignId, round } = input;
    const stream = await readCampaignStream(store, campaignId);
    const tree = labelTreeOf(projectLabelTrees(stream.events), campaignId);
    const mergeParents = mergeParentsOf(stream.events);
    const labelOptions = answerLabels(tree, mergeParents).map((id) => tree.labels[id]!.name);
    const classes = trainingClasses(tree, mergeParents);
    if (classes.classIds.length < 2 || input.maxPairs === 0) return { labelOptions, pairs: [] };
    const pointLabels = new Map(
      classes.pointIds.map((pointId, i) => [pointId, classes.classIds[classes.classes[i]!]!]),
    );

    const {
      clustering,
      layout,
      clusters: clusterOf,
    } = await readClusteredLayout(artefacts, input.clusteringHash);
    const count = layout.length / clustering.width;

    const collisions = ssdbscan(layout, count, clustering.width, pointLabels, {
      minPts,
    }).collisions;
    // Both kinds take turns, so strong collisions never crowd every spread label out.
    const candidates = alternating(
      collisionPairs(pointLabels, collisions).filter(({ groups: [a, b] }) =>
        mayMerge(tree, a.labelId, b.labelId),
      ),
      // A merged label spreads over its children's clusters; the experts called it one class,
      // and its points carry the children's labels, which a split cannot move.
      spreadPairs(pointLabels, clusterOf).filter(({ groups: [a] }) => !mergeParents.has(a.labelId)),
    ).slice(0, input.maxPairs);
    const pairs = numberPairs(`${campaignId}.r${round}`, candidates);
    if (pairs.length === 0) return { labelOptions, pairs: [] };

    const { model, digits, embedding, width } = await loadEmbeddedRoundModel(
      { artefacts, progress },
      input,
    );
    try {
      const decode = modelDecoder(model);
      const questions: PairSampleQuestion[] = [];
      for (const pair of pairs) {
        const path = pairPath(embedding, digits.count, width, pair.groups);
        const images = decode(path.samples.map((sample) => sample.latent));
        const options = optionsOf(tree, pair);
        for (const [index, sample] of path.samples.entries()) {
          const pixels = images[index]!;
          questions.push({
            pairId: pair.pairId,
            position: sample.position,
            sampleHash: await artefacts.put(new Uint8Array(pixels.buffer)),
            imageId: sample.imageId,
            groups: [0, 1].map((side) => ({
              option: options[side]!,
              labelId: pair.groups[side]!.labelId,
              exemplarIds: path.exemplarIds[side]!,
            })) as PairSampleQuestion['groups'],
            options: [...options, 'neither'],
          });
        }
      }
      await recordPairs(stream, campaignId, round, pairs);
      progress?.('pairs put to the experts', { campaignId, round, pairs: pairs.length });
      return { labelOptions, pairs: questions };
    } finally {
      model.dispose();
    }
  };
}

/** The answers naming the two groups: label names, numbered when both are one label. */
function optionsOf(tree: LabelTree, pair: LabelPair): [string, string] {
  const [a, b] = pair.groups.map((group) => tree.labels[group.labelId]?.name ?? group.labelId);
  return a === b ? [`${a} (group 1)`, `${b} (group 2)`] : [a!, b!];
}

async function recordPairs(
  stream: Awaited<ReturnType<typeof readCampaignStream>>,
  campaignId: string,
  round: number,
  pairs: LabelPair[],
) {
  const fresh = pairs.filter(({ pairId }) => !stream.find(`${pairId}/CollisionDetected`));
  if (fresh.length === 0) return;
  await stream.append(
    fresh.map((pair) => ({
      type: 'CollisionDetected' as const,
      eventId: `${pair.pairId}/CollisionDetected`,
      data: { campaignId, round, ...pair },
    })),
  );
}

function alternating<T>(first: T[], second: T[]): T[] {
  const length = Math.max(first.length, second.length);
  return Array.from({ length }, (_, i) => [first[i], second[i]])
    .flat()
    .filter((item): item is T => item !== undefined);
}
