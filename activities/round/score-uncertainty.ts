import type { RecordedEvent } from '../../events/catalog';
import type { ActivityDependencies } from '../dependencies';
import { readCampaignStream } from '../events/campaign-stream';
import {
  groupByUncertainty,
  mostUncertainPerCluster,
  softAssignmentEntropy,
} from '../model/entropy';
import { readClusteredLayout } from './cluster-membership';

export interface ScoreUncertaintyInput {
  campaignId: string;
  round: number;
  clusteringHash: string;
  /** How many of the most uncertain images to hand to the experts. */
  queries: number;
}

/**
 * Scores every image's uncertainty as the entropy of its soft assignment to the round's
 * centroids, groups the images, and picks the most uncertain of each cluster in turn for the
 * experts, leaving out images an earlier vote already decided. Taken overall, the most
 * uncertain images crowd on the boundaries of a few pairs of clusters and leave the others
 * without a label (one offline run, `npm run queried-share`: README).
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

    const { clustering, layout, clusters } = await readClusteredLayout(
      artefacts,
      input.clusteringHash,
    );
    const centroids = Float32Array.from(clustering.centroids);
    const entropies = softAssignmentEntropy(layout, centroids, clustering.width);
    const groups = groupByUncertainty(entropies);

    const mostUncertain = mostUncertainPerCluster(
      entropies,
      clusters,
      input.queries,
      decidedImages(stream.events),
    );
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

/** Images whose plain query a vote decided: their label is the experts' already. */
export function decidedImages(events: readonly RecordedEvent[]): Set<number> {
  const pairQueries = new Set<string>();
  const decided = new Set<number>();
  for (const event of events) {
    if (event.type === 'QueryIssued' && event.data.question) pairQueries.add(event.data.queryId);
    if (
      event.type === 'VoteDecided' &&
      event.data.label !== null &&
      !pairQueries.has(event.data.queryId)
    ) {
      decided.add(event.data.imageId);
    }
  }
  return decided;
}
