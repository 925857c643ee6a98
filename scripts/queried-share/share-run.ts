import type { SimulatedExpert } from '../../client/simulated-panel';
import { createSimulatedPanel } from '../../client/simulated-panel';
import { seededRandom, shuffledIndices } from '../../activities/clustering/seeded-random';
import type { Digits } from '../../activities/data/image-set';
import {
  mostUncertainImages,
  mostUncertainPerCluster,
  softAssignmentEntropy,
} from '../../activities/model/entropy';
import { loadTrainedModel, trainAutoencoder } from '../../activities/model/train';
import { clusterEmbedding } from '../reproduce/jobs';
import { grownDigits } from './grown-labels';
import { panelLabels } from './panel-labels';
import { labelAccuracy } from '../../activities/labelling/label-accuracy';
import { emptyLabelTree } from '../../events/projections/label-tree';

/** How each share is run: rounds of questions, each followed by fine-tuning. */
export interface SharePlan {
  rounds: number;
  /** Fine-tuning epochs after each round's votes. */
  epochs: number;
  batchSize: number;
  seed: number;
  /** Weight of the k-means loss, as `npm run reproduce` fine-tunes. */
  clusteringWeight: number;
  experts: SimulatedExpert[];
  /**
   * Which images each round asks about: the most uncertain overall, or per cluster in turn,
   * or a seeded random draw (the protocol of Table 1's label rows).
   */
  selection: 'uncertain' | 'per-cluster' | 'random';
  /** Weight of the cross-entropy on the voted labels (E3). */
  labelWeight: number;
  /** Whether unlabelled images follow their cluster's labelled majority (E2 targets). */
  followLabelledMajority: boolean;
  /**
   * What E3 learns: the voted digits only, or every digit SSDBSCAN grows from them over the
   * round's embedding (`grownDigits`).
   */
  learn: 'votes' | 'grown';
}

/** What one share of queried images bought. */
export interface ShareResult {
  /** Share of the images the plan meant to ask about, in [0, 1]. */
  share: number;
  /** Images asked about, over all images. */
  queried: number;
  /** Images the votes labelled (ties leave an image without one), over all images. */
  labelled: number;
  /** Labelled images whose voted class is not their true class, over the labelled. */
  voteErrors: number;
  /** Hungarian-matched accuracy of k-means on the embedding (Table 1's measure). */
  kMeans: number;
  /** Hungarian-matched accuracy of k-means on its UMAP layout (a round's clusters). */
  umapKMeans: number;
  /**
   * Each image predicted the digit most voted in its UMAP cluster, as the label tree is
   * scored in a campaign; null without votes.
   */
  labelTree: number | null;
  /** Share of images whose digit grown from the votes over the embedding is right. */
  grown: number | null;
  minutes: number;
}

const embeddingSize = 10;

/**
 * Runs the human-in-the-loop protocol for one share: each round clusters the current
 * embedding's UMAP layout, asks the simulated panel about images not asked before, picked as
 * `plan.selection` says (the share spread evenly over the rounds), and fine-tunes on the
 * k-means loss plus the cross-entropy on every voted label so far. Starts from the
 * pretrained weights.
 */
export async function runShare(
  share: number,
  digits: Digits,
  pretrained: Uint8Array,
  plan: SharePlan,
  log: (line: string) => void,
): Promise<ShareResult> {
  const started = performance.now();
  const { count } = digits;
  const panel = createSimulatedPanel(plan.experts, plan.seed);
  const classes = share > 0 ? 10 : 0;
  const asked = new Set<number>();
  const labels = new Map<number, number>();
  let weights = pretrained;

  for (let round = 1; round <= plan.rounds; round++) {
    // The pretrained weights have no head; every later round's have `classes`.
    const embedding = embed(weights, round === 1 ? 0 : classes, digits, plan.seed);
    const { layout, layoutClusters, umapKMeans } = clusterEmbedding(embedding, digits, plan.seed);
    const entropies = softAssignmentEntropy(layout, layoutClusters.centroids, 2);
    const due = Math.round((share * count * round) / plan.rounds) - asked.size;
    const picked = {
      'per-cluster': () =>
        mostUncertainPerCluster(entropies, layoutClusters.assignments, due, asked),
      uncertain: () => mostUncertainImages(entropies, due, asked),
      random: () => randomImages(count, due, asked, plan.seed * 1_000 + round),
    }[plan.selection]();
    for (const imageId of picked) asked.add(imageId);
    for (const [imageId, label] of panelLabels(panel, round, picked, digits.labels)) {
      labels.set(imageId, label);
    }
    log(
      `share ${share}: round ${round}, UMAP + k-means ${umapKMeans.accuracy.toFixed(4)} ` +
        `before; asked ${picked.length}, ${labels.size} labelled so far`,
    );
    const learnt =
      plan.learn === 'grown' && labels.size > 0
        ? grownLabels(embedding, layoutClusters.assignments, labels)
        : labels;
    const trained = await trainAutoencoder({
      images: digits.images,
      count,
      config: { embeddingSize, seed: plan.seed, classes },
      seed: plan.seed + round,
      epochs: plan.epochs,
      batchSize: plan.batchSize,
      initialWeights: weights,
      ...(classes > 0 && learnt.size > 0
        ? { labels: { pointIds: [...learnt.keys()], classes: [...learnt.values()] } }
        : {}),
      options: {
        clusteringWeight: plan.clusteringWeight,
        classificationWeight: plan.labelWeight,
        clusteringFromEpoch: 0,
        clusteringSpace: 'manifold',
        reclusterEvery: 3,
        followLabelledMajority: plan.followLabelledMajority,
        // As a campaign's warm rounds: a gentler restart of Adam after the first.
        ...(round > 1 ? { learningRate: 5e-4 } : {}),
      },
    });
    weights = trained.serializeWeights();
    trained.dispose();
  }

  const embedding = embed(weights, classes, digits, plan.seed);
  const final = clusterEmbedding(embedding, digits, plan.seed);
  const wrong = [...labels].filter(([imageId, label]) => digits.labels[imageId] !== label);
  return {
    share,
    queried: asked.size / count,
    labelled: labels.size / count,
    voteErrors: labels.size ? wrong.length / labels.size : 0,
    kMeans: final.kMeans.accuracy,
    umapKMeans: final.umapKMeans.accuracy,
    labelTree:
      labels.size > 0
        ? treeAccuracy(labels, final.layoutClusters.assignments, digits.labels)
        : null,
    grown:
      labels.size > 0
        ? rightShare(
            grownDigits(embedding, final.layoutClusters.assignments, labels),
            digits.labels,
          )
        : null,
    minutes: (performance.now() - started) / 60_000,
  };
}

function embed(weights: Uint8Array, classes: number, digits: Digits, seed: number) {
  const model = loadTrainedModel({ embeddingSize, seed, classes }, weights);
  try {
    return model.embed(digits.images, digits.count);
  } finally {
    model.dispose();
  }
}

/**
 * Accuracy as a campaign's label tree is scored (`labelAccuracy`): the voted digits are the
 * labelled points, and every image takes the label most voted in its UMAP cluster.
 */
function treeAccuracy(
  labels: ReadonlyMap<number, number>,
  clusters: Int32Array,
  truth: ArrayLike<number>,
): number {
  const pointLabels = Object.assign(
    Object.create(null) as Record<string, string>,
    Object.fromEntries([...labels].map(([imageId, digit]) => [imageId, `digit-${digit}`])),
  );
  const tree = { ...emptyLabelTree('queried-share'), pointLabels };
  return labelAccuracy(tree, clusters, truth).accuracy;
}

/** The grown digits as E3's labels: every image given one. */
function grownLabels(
  embedding: Float32Array,
  clusters: Int32Array,
  votes: ReadonlyMap<number, number>,
): Map<number, number> {
  const digits = grownDigits(embedding, clusters, votes);
  return new Map([...digits].flatMap((digit, imageId) => (digit < 0 ? [] : [[imageId, digit]])));
}

function rightShare(predicted: Int32Array, truth: ArrayLike<number>): number {
  return predicted.filter((digit, imageId) => digit === truth[imageId]).length / truth.length;
}

/** `due` images drawn by seed from those not asked yet. */
function randomImages(count: number, due: number, asked: ReadonlySet<number>, seed: number) {
  return Array.from(shuffledIndices(count, seededRandom(seed)))
    .filter((id) => !asked.has(id))
    .slice(0, due);
}
