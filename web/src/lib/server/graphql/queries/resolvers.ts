import { imageUrl, sampleUrl } from '../../../image-url';
import type { AnswerQueryInput } from '../../commands';
import type { OpenQueryView, PairGroupView, PairQuestionView } from '../../read-model';
import { requireExpertId } from '../arguments';
import { asCodedError, codedError } from '../coded-error';
import type { Resolver } from '../context';

/** What the answerQuery mutation resolves to. */
export interface AnswerReceipt {
  accepted: true;
  queryId: string;
}

const answerQuery: Resolver<AnswerQueryInput, AnswerReceipt> = async (
  _parent,
  input,
  { readModel, commands },
) => {
  // Refusing on the read model first answers most mistakes at once; the workflow checks again,
  // because the read model may lag the workflow by an event or two.
  const refusal = readModel.refuseAnswer(input);
  if (refusal) throw codedError(refusal.code, refusal.message);
  // An unknown query was refused just above, so the round that asked it is known.
  const round = readModel.roundOfQuery(input.queryId)!;

  try {
    await commands.answerQuery(round, input);
  } catch (error) {
    throw asCodedError(error);
  }
  return { accepted: true, queryId: input.queryId };
};

/** A pair question as the schema exposes it: its images as addresses the page can show. */
export interface PairQuestionNode extends Omit<PairQuestionView, 'groups'> {
  sampleUrl: string;
  groups: (Omit<PairGroupView, 'exemplarIds'> & {
    exemplars: { imageId: number; imageUrl: string }[];
  })[];
}

function pairQuestionNode(query: OpenQueryView): PairQuestionNode | null {
  const { question, campaignId } = query;
  if (!question) return null;
  const groups = question.groups.map(({ exemplarIds, ...group }) => ({
    ...group,
    exemplars: exemplarIds.map((imageId) => ({ imageId, imageUrl: imageUrl(campaignId, imageId) })),
  }));
  return { ...question, sampleUrl: sampleUrl(question.sampleHash), groups };
}

export const queryResolvers: {
  Query: { openQueries: Resolver<{ expertId: string }, OpenQueryView[]> };
  Mutation: { answerQuery: Resolver<AnswerQueryInput, AnswerReceipt> };
  ExpertQuery: {
    imageUrl: Resolver<Record<string, never>, string, OpenQueryView>;
    question: Resolver<Record<string, never>, PairQuestionNode | null, OpenQueryView>;
  };
} = {
  Query: {
    openQueries: (_parent, { expertId }, { readModel }) => {
      // A blank id has no queries; an empty inbox would pass the mistake off as "all done".
      requireExpertId(expertId);
      return readModel.openQueries(expertId);
    },
  },
  Mutation: { answerQuery },
  ExpertQuery: {
    imageUrl: (query) => imageUrl(query.campaignId, query.imageId),
    question: (query) => pairQuestionNode(query),
  },
};
