import type { RecordedEvent, RecordedEventOf } from '../catalog';
import {
  refuseAnswer,
  type AnswerRefusal,
  type ProposedAnswer,
  type RemovedExpert,
} from '../rules/answer-rules';
import { reassignPanel } from '../rules/query-panel';
import { emptyIdRecord, withEntry, type IdRecord } from './id-record';
import { unexpectedEvent } from './unexpected-event';

/** One expert's answer to a query, at the time the store recorded it. */
export interface ExpertAnswer {
  expertId: string;
  answer: string;
  at: string;
}

/**
 * An expert query. It is open until its quorum of answers arrives or its vote is decided
 * (closed), or its deadline passes first (expired). Its panel changes when an expert on it
 * becomes unavailable: they are replaced, or dropped with the quorum lowered to the panel size.
 */
export interface QueryState {
  queryId: string;
  campaignId: string;
  round: number;
  imageId: number;
  options: readonly string[];
  /** The panel now, after any reassignments. */
  experts: readonly string[];
  quorum: number;
  /** Experts taken off the panel, oldest first; their later answers are refused. */
  removedExperts: readonly RemovedExpert[];
  deadline: string;
  issuedAt: string;
  status: 'open' | 'closed' | 'expired';
  answers: readonly ExpertAnswer[];
  /** The winning label; null while undecided, and after a tied or empty vote. */
  decidedLabel: string | null;
  /** Votes per label once the vote was decided; null before. */
  tally: Readonly<Record<string, number>> | null;
}

/** Every query by id, in the order they were issued. */
export interface QueryQueue {
  queries: IdRecord<QueryState>;
}

export const initialQueryQueue: QueryQueue = { queries: emptyIdRecord() };

function changeQuery(
  queue: QueryQueue,
  queryId: string,
  change: (query: QueryState) => QueryState,
) {
  const query = queue.queries[queryId];
  if (!query) return queue;
  return { queries: withEntry(queue.queries, queryId, change(query)) };
}

function issueQuery(queue: QueryQueue, event: RecordedEventOf<'QueryIssued'>): QueryQueue {
  const { campaignId, round, queryId, imageId, options, experts, quorum, deadline } = event.data;
  if (queue.queries[queryId]) return queue;

  const query: QueryState = {
    queryId,
    campaignId,
    round,
    imageId,
    options,
    experts,
    quorum,
    removedExperts: [],
    deadline,
    issuedAt: event.metadata.recordedAt,
    status: 'open',
    answers: [],
    decidedLabel: null,
    tally: null,
  };
  return { queries: withEntry(queue.queries, queryId, query) };
}

function recordAnswer(queue: QueryQueue, event: RecordedEventOf<'AnswerRecorded'>): QueryQueue {
  const { queryId, expertId, answer } = event.data;
  return changeQuery(queue, queryId, (query) => {
    const answers = [...query.answers, { expertId, answer, at: event.metadata.recordedAt }];
    const reachedQuorum = query.status === 'open' && answers.length >= query.quorum;
    return { ...query, answers, status: reachedQuorum ? 'closed' : query.status };
  });
}

/**
 * Folds one event into the queue; the input queue is never modified. Answers are recorded
 * as the facts they are, whatever the status: refusing them is the job of `canAnswer`.
 */
export function evolveQueryQueue(queue: QueryQueue, event: RecordedEvent): QueryQueue {
  switch (event.type) {
    case 'QueryIssued':
      return issueQuery(queue, event);
    case 'AnswerRecorded':
      return recordAnswer(queue, event);
    case 'QueryReassigned':
      return changeQuery(queue, event.data.queryId, (query) => reassignPanel(query, event.data));
    case 'QueryExpired':
      return changeQuery(queue, event.data.queryId, (query) =>
        query.status === 'open' ? { ...query, status: 'expired' } : query,
      );
    case 'VoteDecided': {
      const { label, tally } = event.data;
      return changeQuery(queue, event.data.queryId, (query) => ({
        ...query,
        status: query.status === 'open' ? 'closed' : query.status,
        decidedLabel: label,
        tally,
      }));
    }
    case 'QueryReminded':
    case 'CampaignStarted':
    case 'DatasetRegistered':
    case 'CampaignPaused':
    case 'CampaignResumed':
    case 'CampaignCompleted':
    case 'RoundStarted':
    case 'ModelTrained':
    case 'ClustersAssigned':
    case 'UncertaintyScored':
    case 'RoundCompleted':
    case 'CollisionDetected':
    case 'PairDecided':
    case 'LabelCreated':
    case 'LabelsMerged':
    case 'LabelSplit':
    case 'LabelRenamed':
    case 'LabelMoved':
    case 'PointsRelabelled':
      return queue;
    default:
      return unexpectedEvent(event);
  }
}

export function projectQueryQueue(events: Iterable<RecordedEvent>): QueryQueue {
  let queue = initialQueryQueue;
  for (const event of events) queue = evolveQueryQueue(queue, event);
  return queue;
}

/**
 * The open queries, earliest deadline first; with an expert, only those on whose panel the
 * expert sits and that the expert has not answered yet: that expert's inbox.
 */
export function openQueriesFor(queue: QueryQueue, expertId?: string): QueryState[] {
  const awaits = (query: QueryState) =>
    expertId === undefined ||
    (query.experts.includes(expertId) &&
      !query.answers.some((answer) => answer.expertId === expertId));

  return Object.values(queue.queries)
    .filter((query) => query.status === 'open' && awaits(query))
    .sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline));
}

/** Whether an answer may be recorded, and if not, a coded refusal saying what and why. */
export type AnswerCheck = { ok: true } | ({ ok: false } & AnswerRefusal);

export function canAnswer(queue: QueryQueue, proposed: ProposedAnswer): AnswerCheck {
  const refusal = refuseAnswer(queue.queries[proposed.queryId], proposed);
  return refusal ? { ok: false, ...refusal } : { ok: true };
}
