import type { EventData, RecordedEvent } from '../events/catalog';
import type { LabelTree, LabelTrees } from '../events/projections/label-tree';
import {
  evolveLabelTrees,
  initialLabelTrees,
  labelTreeOf,
  leavesOf,
  pointsWithLabel,
} from '../events/projections/label-tree';
import type { EventStore } from '../events/store/event-store';
import type { ArtefactFolder } from '../activities/artefacts/artefact-folder';
import { loadMnistDigits } from '../activities/data/mnist';
import { seededRandom, type Random } from '../activities/clustering/seeded-random';
import { syntheticClassOracle } from '../activities/labelling/image-oracle';
import type { CampaignClient } from './campaign-client';
import { classesOfGroup } from './simulated-panel';

/**
 * The answer a scripted expert gives: the true label, except with probability `noise` a
 * uniformly chosen wrong option, so tests and demos can model careless experts.
 */
export function chooseAnswer(
  truth: string,
  options: readonly string[],
  noise: number,
  random: Random,
) {
  const wrong = options.filter((option) => option !== truth);
  if (wrong.length === 0 || random() >= noise) return truth;
  return wrong[Math.floor(random() * wrong.length)]!;
}

export interface ScriptedExpertOptions {
  store: EventStore;
  client: CampaignClient;
  expertId: string;
  /** Share of answers that are deliberately wrong, 0 to 1. */
  noise?: number;
  seed?: number;
  /**
   * Where decoded samples are stored. With it the expert judges a pair question's sample
   * by its own pixels (nearest real digits); without it, by the real image nearest to it.
   */
  artefacts?: ArtefactFolder;
  onAnswer?: (answer: { queryId: string; answer: string; truth: string }) => void;
  onError?: (error: unknown) => void;
}

interface CampaignKnowledge {
  digits: ReturnType<typeof loadMnistDigits>;
  judge: (pixels: Float32Array) => number;
  pairs: Map<string, EventData<'CollisionDetected'>>;
}

/**
 * An expert that answers from the ground truth of the MNIST digits: it follows the event
 * store and answers every query issued to it, through the same path a person's answer takes.
 * Like a person it reads a label by its examples: a plain query is answered with the option
 * whose points hold the image's true digit, a pair question with the group whose points
 * hold the sample's digit (A when both do, as experts are told), else `neither`.
 */
export function startScriptedExpert(options: ScriptedExpertOptions) {
  const { store, client, expertId, noise = 0, artefacts } = options;
  const random = seededRandom(options.seed ?? 1);
  const known = new Map<string, CampaignKnowledge>();
  let trees: LabelTrees = initialLabelTrees;

  const truthOfQuery = async (query: EventData<'QueryIssued'>, campaign: CampaignKnowledge) => {
    const { digits } = campaign;
    const imageTruth = digits.labels[query.imageId]!;
    const question = query.question;
    if (!question) {
      const tree = labelTreeOf(trees, query.campaignId);
      return plainAnswer(tree, query.options, imageTruth, digits.labels) ?? String(imageTruth);
    }
    const pair = campaign.pairs.get(question.pairId);
    const sampleClass =
      artefacts && artefacts.has(question.sampleHash)
        ? campaign.judge(floats(await artefacts.get(question.sampleHash)))
        : imageTruth;
    const fits = (pair?.groups ?? []).map((group) =>
      classesOfGroup(group.pointIds, digits.labels).has(sampleClass),
    );
    if (fits[0]) return question.groups[0].option;
    if (fits[1]) return question.groups[1].option;
    return 'neither';
  };

  const answer = async (event: RecordedEvent) => {
    if (event.type === 'DatasetRegistered') {
      const digits = loadMnistDigits(event.data.source);
      const judge = syntheticClassOracle({
        pixels: digits.images,
        width: 784,
        truth: digits.labels,
      });
      known.set(event.data.campaignId, { digits, judge, pairs: new Map() });
    }
    if (event.type === 'CollisionDetected') {
      known.get(event.data.campaignId)?.pairs.set(event.data.pairId, event.data);
    }
    trees = evolveLabelTrees(trees, event);
    if (event.type !== 'QueryIssued' || !event.data.experts.includes(expertId)) return;

    const { campaignId, round, queryId, options: choices } = event.data;
    const campaign = known.get(campaignId);
    if (!campaign) return;
    const truth = await truthOfQuery(event.data, campaign);
    const given = chooseAnswer(truth, choices, noise, random);
    try {
      await client.answerQuery({ campaignId, round }, { queryId, expertId, answer: given });
      options.onAnswer?.({ queryId, answer: given, truth });
    } catch (error) {
      // An answer refused because the query closed or expired meanwhile is expected.
      options.onError?.(error);
    }
  };

  return store.subscribe(0, answer);
}

/**
 * The option naming the true digit, else the option whose label's points (itself and the
 * labels under it) are mostly of the image's digit; undefined when none fits.
 */
function plainAnswer(
  tree: LabelTree,
  options: readonly string[],
  imageTruth: number,
  truth: ArrayLike<number>,
): string | undefined {
  if (options.includes(String(imageTruth))) return String(imageTruth);
  return options.find((option) => {
    const labelId = Object.values(tree.labels).find((label) => label.name === option)?.labelId;
    if (labelId === undefined) return false;
    const below = new Set([labelId, ...leavesOf(tree, labelId)]);
    const points = [...below].flatMap((id) => pointsWithLabel(tree, id));
    return points.length > 0 && classesOfGroup(points, truth).has(imageTruth);
  });
}

function floats(bytes: Uint8Array): Float32Array {
  return new Float32Array(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
}
