import { z } from 'zod';

const id = z.string().min(1).max(200);
const round = z.number().int().min(1);
const hash = z.string().regex(/^[0-9a-f]{64}$/);
const share = z.number().min(0).max(1);

export const roundStartedSchema = z.object({ campaignId: id, round }).strict();

export const modelTrainedSchema = z
  .object({
    campaignId: id,
    round,
    backend: z.string().min(1),
    epochs: z.number().int().min(1),
    finalLoss: z.number().nonnegative(),
    samplesPerSecond: z.number().nonnegative(),
    durationMs: z.number().nonnegative(),
    /** Content address of the saved weights in the artefact folder. */
    weightsHash: hash,
    /** Content address of the previous round's weights when training was warm-started. */
    startedFromHash: hash.optional(),
    /** Classes of the softmax head (E3) and the labelled images it learnt from. */
    classes: z.number().int().nonnegative().optional(),
    labelled: z.number().int().nonnegative().optional(),
  })
  .strict();

export const clustersAssignedSchema = z
  .object({
    campaignId: id,
    round,
    clusters: z.number().int().min(2),
    /** How the clusters were found, e.g. 'umap+kmeans' on the autoencoder embedding. */
    method: z.string().min(1),
    /** Clustering accuracy of the round's method, Hungarian-matched to the held-back truth. */
    accuracy: share,
    /** The same for plain k-means on the autoencoder embedding, for comparison. */
    embeddingKMeansAccuracy: share,
    /** The same on raw pixels: the floor the embedding has to beat. */
    pixelAccuracy: share,
    nmi: share.optional(),
    embeddingHash: hash,
    /** Content address of the centroids and assignments, which uncertainty scoring reads. */
    clusteringHash: hash,
  })
  .strict();

export const uncertaintyScoredSchema = z
  .object({
    campaignId: id,
    round,
    meanEntropy: z.number().nonnegative(),
    confident: z.number().int().nonnegative(),
    unsure: z.number().int().nonnegative(),
    uncertain: z.number().int().nonnegative(),
    /** Image ids, most uncertain first, that the round will ask experts about. */
    mostUncertain: z.array(z.number().int().nonnegative()),
  })
  .strict();

export const roundCompletedSchema = z
  .object({
    campaignId: id,
    round,
    accuracy: share,
    answered: z.number().int().nonnegative(),
    expired: z.number().int().nonnegative(),
    /** Images whose label a vote changed; a vote for the label an image has changes none. */
    labelled: z.number().int().nonnegative(),
    /** Accuracy of the label tree's leaves over every image, after the round's votes. */
    labelAccuracy: share.optional(),
    leaves: z.number().int().min(0).optional(),
    merges: z.number().int().min(0).optional(),
    splits: z.number().int().min(0).optional(),
  })
  .strict();
