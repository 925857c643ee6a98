import type { ModelSettings, QuerySettings } from '../../workflows/campaign-input';
import type { ActivityDependencies } from '../dependencies';
import { readCampaignStream } from '../events/campaign-stream';
import { centroidOf } from '../labelling/nearest-rows';
import { planJump } from '../labelling/pair-jump';
import { walkSeed, walkStarts } from '../labelling/pair-walk';
import { pairWalkOf } from '../labelling/pair-walk-settings';
import { readClusteredLayout } from './cluster-membership';
import { latentUncertainty } from './latent-uncertainty';
import { modelDecoder } from './model-decoder';
import type { PairSampleQuestion } from './pair-questions';
import { loadEmbeddedRoundModel } from './embedded-round-model';

export interface PlanPairJumpInput {
  campaignId: string;
  round: number;
  dataset: { kind: 'mnist'; count: number; offset: number };
  model: ModelSettings;
  weightsHash: string;
  /** Classes of the round model's head, as training reported them. */
  classes: number;
  clusteringHash: string;
  /** The jump to plan, >= 1: each pair goes on from the answers to its jump - 1. */
  jump: number;
  /** The campaign's query settings: the walk's sampling mode, radius and sample counts. */
  queries: QuerySettings;
}

/** The jump's samples of every pair whose walk goes on, ready to become queries. */
export interface PlannedJumpQuestions {
  pairs: PairSampleQuestion[];
}

/**
 * Plans jump `jump` of the round's pair walks: for every pair whose previous jump has a
 * sample some expert placed toward group B, the sample placed closest starts a new path
 * to B's centroid, and synthetic samples around that path's midpoint are decoded, stored
 * and returned as questions. Records nothing: the answers it reads are final once the
 * previous jump's queries are closed or expired, so a retry plans the same samples.
 */
export function createPlanPairJump({ store, artefacts, progress }: ActivityDependencies) {
  return async function planPairJump(input: PlanPairJumpInput): Promise<PlannedJumpQuestions> {
    const { campaignId, round, jump } = input;
    const walk = pairWalkOf(input.queries);
    const stream = await readCampaignStream(store, campaignId);
    const starts = walkStarts(stream.events, round, jump);
    if (starts.length === 0) return { pairs: [] };

    const { model, digits, embedding, width } = await loadEmbeddedRoundModel(
      { artefacts, progress },
      input,
    );
    try {
      const { clusters } = await readClusteredLayout(artefacts, input.clusteringHash);
      const uncertainty = latentUncertainty(model, embedding, width, clusters, input.classes);
      const decode = modelDecoder(model);

      const questions: PairSampleQuestion[] = [];
      for (const { pair, from } of starts) {
        const centroids = pair.groups.map((group) =>
          centroidOf(embedding, width, group.pointIds),
        ) as [Float32Array, Float32Array];
        const planned = planJump(
          {
            embedding,
            count: digits.count,
            width,
            centroids,
            startImageId: from.imageId,
            walk,
            jump,
            seed: walkSeed(pair.pairId, jump),
          },
          uncertainty.score,
          decode,
        );
        if (planned === null) continue;
        for (const sample of planned.samples) {
          questions.push({
            pairId: pair.pairId,
            position: sample.position,
            sampleHash: await artefacts.put(new Uint8Array(sample.image.buffer)),
            imageId: sample.imageId,
            groups: from.question!.groups,
            options: from.options,
            jump,
            epsilon: planned.epsilon,
            fromQueryId: from.queryId,
          });
        }
      }
      progress?.('pair walks jumped', {
        campaignId,
        round,
        jump,
        pairs: starts.length,
        sampling: walk.sampling,
        ...(walk.sampling === 'uncertainty' ? { uncertainty: uncertainty.kind } : {}),
      });
      return { pairs: questions };
    } finally {
      model.dispose();
    }
  };
}
