import type { ModelSettings } from '../../workflows/campaign-input';
import { clusteringAccuracy } from '../clustering/accuracy';
import { kMeans } from '../clustering/kmeans';
import { manifoldLayout } from '../clustering/manifold';
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
  /** Classes of the model's head, as training reported them. */
  classes?: number;
}

export interface AssignedClusters {
  accuracy: number;
  pixelAccuracy: number;
  clusteringHash: string;
}

/**
 * Embeds every image with the round's model, lays the embedding out with UMAP and clusters
 * the layout with k-means, then scores it against the held-back truth, beside plain k-means
 * on the embedding and on raw pixels (the floor to beat).
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
      autoencoderConfigFor(model, input.classes),
      await artefacts.get(input.weightsHash),
    );
    const embedding = trained.embed(digits.images, digits.count);
    trained.dispose();

    const { count, labels } = digits;
    const k = model.clusters;
    const seed = model.seed;
    const width = embedding.length / count;
    const layout = manifoldLayout(embedding, count, width, { seed });
    const clusters = kMeans(layout, count, layout.length / count, { k, seed });
    const accuracy = clusteringAccuracy(labels, clusters.assignments);
    const embeddingKMeansAccuracy = clusteringAccuracy(
      labels,
      kMeans(embedding, count, width, { k, seed }).assignments,
    );
    // Pixels, k and seed are the campaign's, so the floor is the same every round; k-means
    // on 784-wide pixels is the slowest part of this step and is run once per campaign.
    const earlier = stream.events.find((event) => event.type === 'ClustersAssigned');
    const pixelAccuracy =
      earlier?.type === 'ClustersAssigned'
        ? earlier.data.pixelAccuracy
        : clusteringAccuracy(
            labels,
            kMeans(digits.images, count, 28 * 28, { k, seed }).assignments,
          );
    progress?.('clusters assigned', {
      campaignId,
      round,
      accuracy,
      embeddingKMeansAccuracy,
      pixelAccuracy,
    });

    // The layout is what was clustered, so uncertainty is scored there too, and it is the
    // 2-D scatter the experts see.
    const embeddingHash = await artefacts.put(new Uint8Array(layout.buffer));
    const clusteringHash = await artefacts.put(
      encodeClustering({
        embeddingHash,
        width: layout.length / count,
        k,
        centroids: clusters.centroids,
      }),
    );
    await stream.append([
      {
        type: 'ClustersAssigned',
        eventId,
        data: {
          campaignId,
          round,
          clusters: k,
          method: 'umap+kmeans',
          accuracy,
          embeddingKMeansAccuracy,
          pixelAccuracy,
          embeddingHash,
          clusteringHash,
        },
      },
    ]);
    return { accuracy, pixelAccuracy, clusteringHash };
  };
}
