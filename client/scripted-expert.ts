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
import { syntheticClassOracle } from '../activities/labelling/image-oracle';
import type { CampaignClient } from './campaign-client';
import type { SimulatedPanel } from './simulated-panel';
import { classesOfGroup, createSimulatedPanel } from './simulated-panel';

export interface ScriptedExpertOptions extends SimulatedExpertsOptions {
  expertId: string;
  /** Share of answers that are deliberately wrong, 0 to 1. */
  noise?: number;
  seed?: number;
}

/** What a panel of simulated experts needs to follow a store and answer through a client. */
export interface SimulatedExpertsOptions {
  store: EventStore;
  client: CampaignClient;
  /**
   * Where decoded samples are stored. With it the expert judges a pair question's sample
   * by its own pixels (nearest real digits); without it, by the real image nearest to it.
   */
  artefacts?: ArtefactFolder;
  onAnswer?: (answer: { queryId: string; expertId: string; answer: string; truth: string }) => void;
  onError?: (error: unknown) => void;
}

interface CampaignKnowledge {
  digits: ReturnType<typeof loadMnistDigits>;
  judge: (pixels: Float32Array) => number;
  pairs: Map<string, EventData<'CollisionDetected'>>;
}

/** One expert answering from the ground truth, wrong with probability `noise`. */
export function startScriptedExpert(options: ScriptedExpertOptions) {
  const { expertId, noise = 0, seed = 1 } = options;
  const panel = createSimulatedPanel([{ expertId, errorRate: noise }], seed);
  return startSimulatedExperts({ ...options, panel });
}

/**
 * Simulated experts answering from the ground truth of the MNIST digits: they follow the
 * event store and answer every query issued to them, through the same path a person's answer
 * takes, as the panel says (its error rates, who is unavailable). Like a person they read a
 * label by its examples: a plain query is answered with the option whose points hold the
 * image's true digit, a pair question with the group whose points hold the sample's digit
 * (A when both do, as experts are told), else `neither`.
 */
export function startSimulatedExperts(
  options: SimulatedExpertsOptions & { panel: SimulatedPanel },
) {
  const { store, client, panel, artefacts } = options;
  const known = new Map<string, CampaignKnowledge>();
  let trees: LabelTrees = initialLabelTrees;

  const answersOf = async (query: EventData<'QueryIssued'>, campaign: CampaignKnowledge) => {
    const { digits } = campaign;
    const imageTruth = digits.labels[query.imageId]!;
    const experts = query.experts.filter((expertId) => panel.expertIds.includes(expertId));
    const question = query.question;
    if (!question) {
      const tree = labelTreeOf(trees, query.campaignId);
      const truth = rightPlainAnswer(tree, query.options, imageTruth, digits.labels);
      if (truth === undefined) return [];
      const asked = { round: query.round, options: query.options, truth };
      return experts.map((expertId) => ({
        expertId,
        truth,
        given: panel.answerQuery(expertId, asked),
      }));
    }
    const pair = campaign.pairs.get(question.pairId);
    if (!pair) return [];
    const sampleClass =
      artefacts && artefacts.has(question.sampleHash)
        ? campaign.judge(floats(await artefacts.get(question.sampleHash)))
        : imageTruth;
    const asked = {
      round: query.round,
      groups: question.groups,
      sampleClass,
      groupClasses: pair.groups.map((group) => classesOfGroup(group.pointIds, digits.labels)) as [
        Set<number>,
        Set<number>,
      ],
    };
    return experts.map((expertId) => ({
      expertId,
      truth: `digit ${sampleClass}`,
      given: panel.answerPair(expertId, asked),
    }));
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
    const campaign = event.type === 'QueryIssued' ? known.get(event.data.campaignId) : undefined;
    if (event.type !== 'QueryIssued' || !campaign) return;

    const { campaignId, round, queryId } = event.data;
    for (const { expertId, truth, given } of await answersOf(event.data, campaign)) {
      if (given === null) continue;
      try {
        await client.answerQuery({ campaignId, round }, { queryId, expertId, answer: given });
        options.onAnswer?.({ queryId, expertId, answer: given, truth });
      } catch (error) {
        // An answer refused because the query closed or expired meanwhile is expected.
        options.onError?.(error);
      }
    }
  };

  return store.subscribe(0, answer);
}

/**
 * The right answer to a plain query: the option naming the true digit, else the option
 * whose label's points (itself and the labels under it) hold the image's digit; undefined
 * when none fits.
 */
export function rightPlainAnswer(
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
