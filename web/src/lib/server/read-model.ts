import type { AnswerRefusal, ProposedAnswer } from '../../../../events/rules/answer-rules';

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
  campaigns(): CampaignView[];
  campaign(campaignId: string): CampaignView | undefined;
  openQueries(expertId: string): OpenQueryView[];
  /** The round that asked a query, whatever its status; undefined for an unknown query. */
  roundOfQuery(queryId: string): RoundRef | undefined;
  auditEvents(campaignId: string, page: AuditPage): AuditEntryView[];
  dataset(campaignId: string): DatasetView | undefined;
  /** Why an answer would be refused on the current state, or null when it would be taken. */
  refuseAnswer(proposed: ProposedAnswer): AnswerRefusal | null;
}
