import type { ModelSettings } from '../../workflows/campaign-input';
import { clusteringAccuracy } from '../clustering/accuracy';
import { kMeans } from '../clustering/kmeans';
import { loadMnistDigits } from '../data/mnist';
import type { ActivityDependencies } from '../dependencies';
import { readCampaignStream } from '../events/campaign-stream';
import { initModelBackend } from '../model/backend';
import { loadTrainedModel } from '../model/train';
import { encodeClustering } from './clustering-artefact';
import { autoencoderConfigFor } from './model-config';

export interface AssignClustersInput {
  campaignId: string;
  round: number;
  dataset: { kind: 'mnist'; count: number; offset: number };
  model: ModelSettings;
  weightsHash: string;
}

export interface AssignedClusters {
  accuracy: number;
  pixelAccuracy: number;
  clusteringHash: string;
}

/**
 * Embeds every image with the round's model, clusters the embedding with k-means and scores
 * it against the held-back truth, beside k-means on raw pixels as the floor to beat.
 */
export function createAssignClusters({ store, artefacts, progress }: ActivityDependencies) {
  return async function assignClusters(input: AssignClustersInput): Promise<AssignedClusters> {
    const { campaignId, round, model } = input;
    const eventId = `${campaignId}/round-${round}/ClustersAssigned`;
    const stream = await readCampaignStream(store, campaignId);
    const recorded = stream.find(eventId);
    if (recorded?.type === 'ClustersAssigned') return recorded.data;

    await initModelBackend(undefined, progress);
    const digits = loadMnistDigits(input.dataset);
    const trained = loadTrainedModel(
      autoencoderConfigFor(model),
      await artefacts.get(input.weightsHash),
    );
    const embedding = trained.embed(digits.images, digits.count);
    trained.dispose();

    const k = model.clusters;
    const width = embedding.length / digits.count;
    const onEmbedding = kMeans(embedding, digits.count, width, { k, seed: model.seed });
    const onPixels = kMeans(digits.images, digits.count, 28 * 28, { k, seed: model.seed });
    const accuracy = clusteringAccuracy(digits.labels, onEmbedding.assignments);
    const pixelAccuracy = clusteringAccuracy(digits.labels, onPixels.assignments);
    progress?.('clusters assigned', { campaignId, round, accuracy, pixelAccuracy });

    const embeddingHash = await artefacts.put(new Uint8Array(embedding.buffer));
    const clusteringHash = await artefacts.put(
      encodeClustering({ embeddingHash, width, k, centroids: onEmbedding.centroids }),
    );
    await stream.append([
      {
        type: 'ClustersAssigned',
        eventId,
        data: {
          campaignId,
          round,
          clusters: k,
          accuracy,
          pixelAccuracy,
          embeddingHash,
          clusteringHash,
        },
      },
    ]);
    return { accuracy, pixelAccuracy, clusteringHash };
  };
}
