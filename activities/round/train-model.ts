import { Context } from '@temporalio/activity';
import type { ModelSettings } from '../../workflows/campaign-input';
import { loadMnistDigits } from '../data/mnist';
import type { ArtefactFolder } from '../artefacts/artefact-folder';
import type { ActivityDependencies } from '../dependencies';
import { readCampaignStream } from '../events/campaign-stream';
import { initModelBackend } from '../model/backend';
import { trainAutoencoder } from '../model/train';
import { autoencoderConfigFor } from './model-config';
import { labelTreeOf, projectLabelTrees } from '../../events/projections/label-tree';
import { mergeParentsOf, trainingClasses } from '../labelling/training-classes';

export interface TrainModelInput {
  campaignId: string;
  round: number;
  dataset: { kind: 'mnist'; count: number; offset: number };
  model: ModelSettings;
  /** The previous round's weights: later rounds warm-start instead of starting over. */
  startFromHash?: string;
}

export interface TrainedWeights {
  weightsHash: string;
  finalLoss: number;
  epochs: number;
  backend: string;
  /** Classes of the softmax head (0: none); the weights load only with this many. */
  classes?: number;
}

/** Where a crashed training left off: the heartbeat carries it to the retry. */
interface TrainingCheckpoint {
  nextEpoch: number;
  weightsHash: string;
}

function heartbeatCheckpoint(): TrainingCheckpoint | undefined {
  try {
    return Context.current().info.heartbeatDetails as TrainingCheckpoint | undefined;
  } catch {
    return undefined;
  }
}

/**
 * The furthest checkpoint a previous attempt left: heartbeats are throttled and may lag an
 * epoch behind, so the checkpoint ref written after every epoch is read too.
 */
async function lastCheckpoint(artefacts: ArtefactFolder, ref: string) {
  const stored = await artefacts.readRef(ref);
  const candidates = [heartbeatCheckpoint(), stored && (JSON.parse(stored) as TrainingCheckpoint)];
  return candidates
    .filter((checkpoint): checkpoint is TrainingCheckpoint => Boolean(checkpoint))
    .sort((a, b) => b.nextEpoch - a.nextEpoch)[0];
}

function heartbeat(details: TrainingCheckpoint | undefined) {
  try {
    Context.current().heartbeat(details);
  } catch {
    // outside an activity (a script or unit test) there is nobody to tell
  }
}

/** Epochs between UMAP reclusterings of the k-means loss: a layout costs seconds. */
const roundReclusterEvery = 3;
const defaultWarmLearningRate = 5e-4;

export function createTrainModel({ store, artefacts, progress }: ActivityDependencies) {
  return async function trainModel(input: TrainModelInput): Promise<TrainedWeights> {
    const { campaignId, round, model } = input;
    const eventId = `${campaignId}/round-${round}/ModelTrained`;
    const recorded = (await readCampaignStream(store, campaignId)).find(eventId);
    if (recorded?.type === 'ModelTrained') return recorded.data;

    const backend = await initModelBackend(undefined, progress);
    const digits = loadMnistDigits(input.dataset);
    // The label tree as it stands when training starts: its labelled points teach the head.
    const stream = await readCampaignStream(store, campaignId);
    const tree = labelTreeOf(projectLabelTrees(stream.events), campaignId);
    const labelled = trainingClasses(tree, mergeParentsOf(stream.events));
    const labelWeight = model.labelWeight ?? 0;
    const classes = labelWeight > 0 && labelled.classIds.length >= 2 ? labelled.classIds.length : 0;
    const epochs = input.startFromHash ? model.warmEpochs : model.epochs;
    const checkpointRef = `checkpoints/${campaignId}/round-${round}.json`;
    const resumed = await lastCheckpoint(artefacts, checkpointRef);
    const startHash = resumed?.weightsHash ?? input.startFromHash;
    if (resumed) progress?.('training resumes from checkpoint', { campaignId, round, ...resumed });

    const started = Date.now();
    let checkpoint = resumed;
    const trained = await trainAutoencoder({
      images: digits.images,
      count: digits.count,
      config: autoencoderConfigFor(model, classes),
      ...(classes > 0 ? { labels: labelled } : {}),
      seed: model.seed + round,
      epochs,
      batchSize: model.batchSize,
      startEpoch: resumed?.nextEpoch ?? 0,
      // Fixed here rather than inferred from the start weights, so a resumed attempt keeps the
      // schedule: warm rounds cluster from the first epoch, a first round after 60 %. The
      // k-means loss pulls towards the clusters of the UMAP layout, the ones the round
      // assigns and asks about, not towards k-means on the raw embedding, which fuses classes.
      options: {
        clusteringFromEpoch: input.startFromHash ? 0 : Math.floor(0.6 * epochs),
        classificationWeight: labelWeight,
        clusteringSpace: 'manifold',
        reclusterEvery: roundReclusterEvery,
        ...(input.startFromHash
          ? { learningRate: model.warmLearningRate ?? defaultWarmLearningRate }
          : {}),
      },
      initialWeights: startHash ? await artefacts.get(startHash) : undefined,
      onBatch: () => heartbeat(checkpoint),
      onEpochEnd: async ({ epoch, loss, samplesPerSecond, weights }) => {
        checkpoint = { nextEpoch: epoch + 1, weightsHash: await artefacts.put(weights()) };
        await artefacts.writeRef(checkpointRef, JSON.stringify(checkpoint));
        heartbeat(checkpoint);
        progress?.('epoch done', {
          campaignId,
          round,
          epoch: epoch + 1,
          epochs,
          loss,
          samplesPerSecond,
        });
      },
    });

    try {
      const weightsHash = await artefacts.put(trained.serializeWeights());
      const durationMs = Date.now() - started;
      const result = { weightsHash, finalLoss: trained.finalLoss, epochs, backend, classes };
      const stream = await readCampaignStream(store, campaignId);
      // An attempt Temporal already gave up on may finish after its successor recorded the
      // fact: the recorded one stands, and this attempt's result is dropped.
      const recordedMeanwhile = stream.find(eventId);
      if (recordedMeanwhile?.type === 'ModelTrained') return recordedMeanwhile.data;

      await stream.append([
        {
          type: 'ModelTrained',
          eventId,
          data: {
            campaignId,
            round,
            ...result,
            labelled: classes > 0 ? labelled.pointIds.length : 0,
            samplesPerSecond:
              (digits.count * (epochs - (resumed?.nextEpoch ?? 0))) /
              Math.max(durationMs / 1000, 1e-3),
            durationMs,
            ...(input.startFromHash ? { startedFromHash: input.startFromHash } : {}),
          },
        },
      ]);
      return result;
    } finally {
      trained.dispose();
    }
  };
}
