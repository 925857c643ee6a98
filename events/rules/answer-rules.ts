import { shownInput } from './shown-input';

/**
 * The rules an answer to an expert query must satisfy. Pure, so the round workflow's update
 * validator, the query-queue projection and the recording activity all apply the same rules.
 */
export interface AnswerableQuery {
  queryId: string;
  status: 'open' | 'closed' | 'expired';
  experts: readonly string[];
  options: readonly string[];
  answers: readonly { expertId: string }[];
  /** Experts taken off the panel, and why; an answer from one of them is refused with it. */
  removedExperts?: readonly RemovedExpert[];
}

/** An expert taken off a query's panel, with the reason recorded when it happened. */
export interface RemovedExpert {
  expertId: string;
  reason: string;
}

export interface ProposedAnswer {
  queryId: string;
  expertId: string;
  answer: string;
}

export interface AnswerRefusal {
  code: 'NOT_FOUND' | 'ILLEGAL_STATE' | 'VALIDATION';
  message: string;
}

export function refuseAnswer(
  query: AnswerableQuery | undefined,
  proposed: ProposedAnswer,
): AnswerRefusal | null {
  const { queryId, expertId, answer } = proposed;
  if (!query) {
    return { code: 'NOT_FOUND', message: `query ${shownInput(queryId)} does not exist` };
  }
  if (expertId.trim() === '') {
    return { code: 'VALIDATION', message: 'expert id is empty: say who answers' };
  }
  if (query.status !== 'open') {
    return {
      code: 'ILLEGAL_STATE',
      message: `query ${queryId} is ${query.status} and takes no more answers`,
    };
  }
  if (!query.experts.includes(expertId)) {
    const removed = query.removedExperts?.filter((each) => each.expertId === expertId).at(-1);
    const where = removed
      ? `was taken off the panel of query ${queryId} (${removed.reason || 'unavailable'}); ` +
        `panel now: ${query.experts.join(', ')}`
      : `is not on the panel of query ${queryId} (panel: ${query.experts.join(', ')})`;
    return { code: 'ILLEGAL_STATE', message: `expert ${shownInput(expertId)} ${where}` };
  }
  if (query.answers.some((given) => given.expertId === expertId)) {
    return {
      code: 'ILLEGAL_STATE',
      message: `expert ${expertId} already answered query ${queryId}; one vote per expert`,
    };
  }
  if (!query.options.includes(answer)) {
    return {
      code: 'VALIDATION',
      message:
        `answer ${JSON.stringify(answer)} is not an option of query ${queryId}; ` +
        `expected one of ${query.options.join(', ')}`,
    };
  }
  return null;
}
