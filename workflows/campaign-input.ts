import type { UnavailableExpert } from '../events/rules/expert-availability';

/** Settings of the model trained in every round. */
export interface ModelSettings {
  /** Number of clusters k-means looks for, and the embedding width. */
  clusters: number;
  /** Epochs of the first round, trained from scratch. */
  epochs: number;
  /** Epochs of later rounds, warm-started from the previous round's weights. */
  warmEpochs: number;
  batchSize: number;
  /** Seed of weight initialisation, shuffling and k-means: same seed, same accuracy. */
  seed: number;
  /**
   * Weight of the cross-entropy loss (E3) on the label tree's labelled points; 0 or absent
   * (the default) trains on reconstruction and the k-means loss only. Off by default: on the
   * demo it dropped round accuracy from 0.80 to 0.59, then 0.35 (a head trained from scratch
   * on a few dozen labels bends the embedding); labels still steer the pairs and the tree.
   */
  labelWeight?: number;
  /**
   * Adam's step size in warm rounds; 5e-4 by default, a quarter of the first round's: each
   * round restarts Adam, and a full-size restart on a trained model knocked the clustering
   * around (warm rounds drifted from 0.80 to 0.71 at 2e-3 on the demo).
   */
  warmLearningRate?: number;
}

/** How a round asks its experts. */
export interface QuerySettings {
  /** Most uncertain images queried per round. */
  perRound: number;
  /** Answers needed before a query closes early; the panel size at most. */
  quorum: number;
  /**
   * Pairs of label groups (collisions, spread labels) put to the experts per round, each
   * as synthetic samples along its path; 3 by default, 0 asks about none.
   */
  pairsPerRound?: number;
  /** Time a query stays open before it expires, in seconds (days are fine). */
  deadlineSeconds: number;
  /**
   * Experts each query goes to, chosen from the available experts in turn so the load is
   * shared; every available expert when absent.
   */
  panelSize?: number;
  /**
   * Seconds after issue when the experts who have not answered a query still open are
   * reminded, once; no reminder when absent or not before the deadline.
   */
  reminderSeconds?: number;
  /**
   * Jumps of each pair's walk per round (see `activities/labelling/pair-walk.ts`); 1 by
   * default: the samples along the path between the groups' centroids only. Each later jump
   * starts a new path at the sample the experts placed closest to group B and asks about
   * synthetic samples around that path's midpoint; an integer in 1..10.
   */
  pairJumps?: number;
  /**
   * How a later jump draws its samples: `adaptive` (on the sphere of the jump's radius) or
   * `uncertainty` (the most uncertain of `pairCandidates` drawn inside it); adaptive by default.
   */
  pairSampling?: 'adaptive' | 'uncertainty';
  /**
   * The later jumps' radius, in shares of the distance between the pair's two centroids in
   * the model's embedding, so it scales with any model: epsilon for jump 1, each jump after
   * it decayed by `decay` down to `epsilonMin`. Default epsilon 0.25, epsilonMin 0.05, decay 0.5.
   */
  pairRadius?: { epsilon: number; epsilonMin: number; decay: number };
  /** Samples a later jump asks about per pair; 3 by default, as along the first path. */
  pairSamples?: number;
  /** Candidates uncertainty sampling draws per jump and pair; 20 by default, >= pairSamples. */
  pairCandidates?: number;
}

/** Everything a campaign workflow needs to run all its rounds. */
export interface CampaignInput {
  campaignId: string;
  name: string;
  owner: string;
  /** The label set experts answer with. */
  labels: string[];
  /** Points labelled before the first round; each label must be one of `labels`. */
  initialLabels?: { label: string; pointIds: number[] }[];
  /** The expert pool each query's panel is drawn from. */
  experts: string[];
  rounds: number;
  dataset: { kind: 'mnist'; count: number; offset: number };
  model: ModelSettings;
  queries: QuerySettings;
  /**
   * A training activity that stops heartbeating for this long is retried on another worker.
   * Short in tests that kill workers, a minute by default.
   */
  heartbeatSeconds?: number;
}

/** What a campaign carries from one run to the next across continue-as-new. */
export interface CampaignProgress {
  nextRound: number;
  weightsHash?: string;
  paused: boolean;
  accuracies: number[];
  /** Experts given no new queries; absent in runs started before experts could be. */
  unavailableExperts?: UnavailableExpert[];
}

export interface RoundInput {
  campaign: CampaignInput;
  round: number;
  /** Weights of the previous round; absent in the first round. */
  startFromHash?: string;
  /** Experts unavailable when the round starts; later changes arrive by signal. */
  unavailableExperts?: UnavailableExpert[];
}

export interface RoundSummary {
  round: number;
  accuracy: number;
  pixelAccuracy: number;
  weightsHash: string;
  answered: number;
  expired: number;
  labelled: number;
  /** Accuracy of the label tree's leaves after the round's votes. */
  labelAccuracy?: number;
  leaves?: number;
}

export const campaignWorkflowId = (campaignId: string) => `campaign-${campaignId}`;
export const roundWorkflowId = (campaignId: string, round: number) =>
  `campaign-${campaignId}-round-${round}`;
export const queryIdFor = (campaignId: string, round: number, index: number) =>
  `${campaignId}.r${round}.q${index + 1}`;
