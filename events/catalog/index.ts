import type { z } from 'zod';
import {
  campaignCompletedSchema,
  campaignPausedSchema,
  campaignResumedSchema,
  campaignStartedSchema,
  datasetRegisteredSchema,
} from './campaign-events';
import type { Causation, EventMetadata } from './envelope';
import {
  labelCreatedSchema,
  labelMovedSchema,
  labelRenamedSchema,
  labelSplitSchema,
  labelsMergedSchema,
  pointsRelabelledSchema,
} from './label-events';
import { collisionDetectedSchema, pairDecidedSchema } from './pair-events';
import {
  answerRecordedSchema,
  queryExpiredSchema,
  queryIssuedSchema,
  queryReassignedSchema,
  queryRemindedSchema,
  voteDecidedSchema,
} from './query-events';
import {
  clustersAssignedSchema,
  modelTrainedSchema,
  roundCompletedSchema,
  roundStartedSchema,
  uncertaintyScoredSchema,
} from './round-events';

export * from './envelope';
export { datasetSourceSchema } from './campaign-events';

/** Every domain event type, by name, with the schema its data must satisfy. */
export const eventSchemas = {
  CampaignStarted: campaignStartedSchema,
  DatasetRegistered: datasetRegisteredSchema,
  CampaignPaused: campaignPausedSchema,
  CampaignResumed: campaignResumedSchema,
  CampaignCompleted: campaignCompletedSchema,
  RoundStarted: roundStartedSchema,
  ModelTrained: modelTrainedSchema,
  ClustersAssigned: clustersAssignedSchema,
  UncertaintyScored: uncertaintyScoredSchema,
  QueryIssued: queryIssuedSchema,
  AnswerRecorded: answerRecordedSchema,
  QueryReminded: queryRemindedSchema,
  QueryReassigned: queryReassignedSchema,
  QueryExpired: queryExpiredSchema,
  VoteDecided: voteDecidedSchema,
  CollisionDetected: collisionDetectedSchema,
  PairDecided: pairDecidedSchema,
  RoundCompleted: roundCompletedSchema,
  LabelCreated: labelCreatedSchema,
  LabelsMerged: labelsMergedSchema,
  LabelSplit: labelSplitSchema,
  LabelRenamed: labelRenamedSchema,
  LabelMoved: labelMovedSchema,
  PointsRelabelled: pointsRelabelledSchema,
} as const;

export type EventType = keyof typeof eventSchemas;
export const eventTypes = Object.keys(eventSchemas) as EventType[];

export type EventData<T extends EventType> = z.infer<(typeof eventSchemas)[T]>;

/** An event as a writer proposes it; the store adds the rest of the metadata. */
export type NewEvent = {
  [T in EventType]: { type: T; data: EventData<T>; eventId: string; causation?: Causation };
}[EventType];

/** An event as the store holds it. */
export type RecordedEvent = {
  [T in EventType]: { type: T; data: EventData<T>; metadata: EventMetadata };
}[EventType];

export type RecordedEventOf<T extends EventType> = Extract<RecordedEvent, { type: T }>;
