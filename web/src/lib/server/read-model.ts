import type { AnswerRefusal, ProposedAnswer } from '../../../../events/rules/answer-rules';
import type { LabelNodeView } from '../labelling/label-node';

/** One round of a campaign as the dashboard shows it; metrics stay null until measured. */
export interface RoundView {
  round: number;
  status: string;
  /** Clustering accuracy of k-means on the embedding, Hungarian-matched, in [0, 1]. */
  accuracy: number | null;
  /** The same on raw pixels: the floor the embedding has to beat. */
  pixelAccuracy: number | null;
  epochs: number | null;
  finalLoss: number | null;
  backend: string | null;
  weightsHash: string | null;
  confident: number | null;
  unsure: number | null;
  uncertain: number | null;
  answered: number | null;
  expired: number | null;
}

/** A campaign with its rounds, oldest round first. */
export interface CampaignView {
  id: string;
  name: string;
  status: string;
  labels: string[];
  experts: string[];
  plannedRounds: number;
  rounds: RoundView[];
}

/** A query waiting for an expert's answer. */
export interface OpenQueryView {
  id: string;
  campaignId: string;
  round: number;
  imageId: number;
  options: string[];
  deadline: string;
  /** How many answers the query has collected so far. */
  answers: number;
  /** Set for a pair question: which of two groups a synthetic sample belongs to. */
  question: PairQuestionView | null;
}

/** One side of a pair question: a label's group, shown by a few of its real images. */
export interface PairGroupView {
  /** The answer that puts the sample in this group. */
  option: string;
  labelId: string;
  exemplarIds: number[];
}

/** A synthetic sample decoded between two groups, and the groups it is compared with. */
export interface PairQuestionView {
  pairId: string;
  /** Where the sample lies on the path from group A (0) to group B (1). */
  position: number;
  /** The jump of the pair's walk that drew the sample; 0 along the path between the groups. */
  jump: number;
  /** Content address of the sample's float32 pixels in the artefact folder. */
  sampleHash: string;
  groups: PairGroupView[];
}

/** A campaign's label tree, labels in depth-first order, parents before their children. */
export interface LabelTreeView {
  campaignId: string;
  /** Store position of the last event folded into the tree; 0 when there was none. */
  position: number;
  /** Points in the campaign's dataset; null until the dataset is registered. */
  pointCount: number | null;
  /** Points nobody labelled yet; null until the dataset is registered. */
  unlabelled: number | null;
  labels: LabelNodeView[];
}

/** Where a round's clustering lies in the artefact folder. */
export interface ClusteringRef {
  round: number;
  /** The layout that was clustered: float32 rows, one per point. */
  embeddingHash: string;
  clusteringHash: string;
}

/** One fact of a campaign's audit history, as a quality manager reads it. */
export interface AuditEntryView {
  position: number;
  version: number;
  recordedAt: string;
  type: string;
  summary: string;
  /** Who caused it: the person, else the activity or workflow that appended it. */
  actor: string | null;
  data: unknown;
}

/** Where a campaign's images come from, so an image id can be turned into pixels. */
export interface DatasetView {
  kind: 'mnist';
  count: number;
  offset: number;
}

/** A round of a campaign: the address of the workflow that runs it. */
export interface RoundRef {
  campaignId: string;
  round: number;
}

/** A page of a campaign's audit history: the entries after a store position. */
export interface AuditPage {
  afterPosition: number;
  limit: number;
}

/** What the web app reads. Kept current from the event store by a subscription. */
export interface ReadModel {
  /** Store position of the last event the model has seen; 0 before any. */
  position(): number;
  campaigns(): CampaignView[];
  campaign(campaignId: string): CampaignView | undefined;
  openQueries(expertId: string): OpenQueryView[];
  /** The round that asked a query, whatever its status; undefined for an unknown query. */
  roundOfQuery(queryId: string): RoundRef | undefined;
  auditEvents(campaignId: string, page: AuditPage): AuditEntryView[];
  dataset(campaignId: string): DatasetView | undefined;
  /** Why an answer would be refused on the current state, or null when it would be taken. */
  refuseAnswer(proposed: ProposedAnswer): AnswerRefusal | null;
  /**
   * A campaign's label tree now, or as it was right after the store recorded the event at
   * `atPosition`; undefined for an unknown campaign.
   */
  labelTree(campaignId: string, atPosition?: number): LabelTreeView | undefined;
  /** Label id by point id, now; an unlabelled point is absent. */
  pointLabels(campaignId: string): Readonly<Record<string, string>>;
  /** The clustering of the campaign's latest clustered round; undefined before one. */
  latestClustering(campaignId: string): ClusteringRef | undefined;
}
