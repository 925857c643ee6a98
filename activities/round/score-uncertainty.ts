import type { ActivityDependencies } from '../dependencies';
import { readCampaignStream } from '../events/campaign-stream';
import { groupByUncertainty, softAssignmentEntropy } from '../model/entropy';
import { decodeClustering } from './clustering-artefact';

export interface ScoreUncertaintyInput {
  campaignId: string;
  round: number;
  clusteringHash: string;
  /** How many of the most uncertain images to hand to the experts. */
  queries: number;
}

/**
 * Scores every image's uncertainty as the entropy of its soft assignment to the round's
 * centroids, groups the images, and picks the most uncertain for the experts.
 */
export function createScoreUncertainty({ store, artefacts }: ActivityDependencies) {
  return async function scoreUncertainty(
    input: ScoreUncertaintyInput,
  ): Promise<{ mostUncertain: number[] }> {
    const { campaignId, round } = input;
    const eventId = `${campaignId}/round-${round}/UncertaintyScored`;
    const stream = await readCampaignStream(store, campaignId);
    const recorded = stream.find(eventId);
    if (recorded?.type === 'UncertaintyScored') return recorded.data;

    const clustering = decodeClustering(await artefacts.get(input.clusteringHash));
    const bytes = await artefacts.get(clustering.embeddingHash);
    const embedding = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    const centroids = Float32Array.from(clustering.centroids);
    const entropies = softAssignmentEntropy(embedding, centroids, clustering.width);
    const groups = groupByUncertainty(entropies);

    const mostUncertain = Array.from(entropies.keys())
      .sort((a, b) => entropies[b]! - entropies[a]! || a - b)
      .slice(0, input.queries);
    const meanEntropy = entropies.reduce((sum, value) => sum + value, 0) / entropies.length;
    await stream.append([
      {
        type: 'UncertaintyScored',
        eventId,
        data: {
          campaignId,
          round,
          meanEntropy,
          confident: groups.confident.count,
          unsure: groups.unsure.count,
          uncertain: groups.uncertain.count,
          mostUncertain,
        },
      },
    ]);
    return { mostUncertain };
  };
}
