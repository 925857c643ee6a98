import { IllegalStateError, NotFoundError, ValidationError } from '../../events/errors';
import type { EventData } from '../../events/catalog';
import type { ProposedAnswer } from '../../events/rules/answer-rules';
import { refuseAnswer } from '../../events/rules/answer-rules';
import { decideVote } from '../../events/rules/majority-vote';
import { projectQueryQueue } from '../../events/projections/query-queue';
import type { ActivityDependencies } from '../dependencies';
import { readCampaignStream } from '../events/campaign-stream';

export interface IssueQueriesInput {
  campaignId: string;
  round: number;
  /** Each query with its own panel, quorum (at most the panel size) and answers. */
  queries: {
    queryId: string;
    imageId: number;
    experts: string[];
    quorum: number;
    options: string[];
    question?: EventData<'QueryIssued'>['question'];
  }[];
  deadline: string;
}

const refusalErrors = {
  NOT_FOUND: NotFoundError,
  ILLEGAL_STATE: IllegalStateError,
  VALIDATION: ValidationError,
};

/** Expert queries: issued, answered, expired, and their votes decided. */
export function createQueryActivities({ store }: ActivityDependencies) {
  return {
    async issueQueries(input: IssueQueriesInput): Promise<void> {
      const { campaignId, round, deadline } = input;
      const stream = await readCampaignStream(store, campaignId);
      const fresh = input.queries.filter(({ queryId }) => !stream.find(`${queryId}/QueryIssued`));
      if (fresh.length === 0) return;

      await stream.append(
        fresh.map(({ queryId, ...query }) => ({
          type: 'QueryIssued' as const,
          eventId: `${queryId}/QueryIssued`,
          data: { campaignId, round, queryId, ...query, deadline },
        })),
      );
    },

    async recordAnswer(input: ProposedAnswer & { campaignId: string }): Promise<void> {
      const { campaignId, queryId, expertId, answer } = input;
      const eventId = `${queryId}/answer/${expertId}`;
      const stream = await readCampaignStream(store, campaignId);
      if (stream.find(eventId)) return;

      const queue = projectQueryQueue(stream.events);
      const refusal = refuseAnswer(queue.queries[queryId], input);
      if (refusal) throw new refusalErrors[refusal.code](refusal.message);

      await stream.append([
        {
          type: 'AnswerRecorded',
          eventId,
          causation: { actor: expertId },
          data: { campaignId, queryId, expertId, answer },
        },
      ]);
    },

    async expireQueries(input: { campaignId: string; queryIds: string[] }): Promise<void> {
      const { campaignId } = input;
      const stream = await readCampaignStream(store, campaignId);
      const queue = projectQueryQueue(stream.events);
      const fresh = input.queryIds.filter((queryId) => !stream.find(`${queryId}/QueryExpired`));
      if (fresh.length === 0) return;

      await stream.append(
        fresh.map((queryId) => ({
          type: 'QueryExpired' as const,
          eventId: `${queryId}/QueryExpired`,
          data: { campaignId, queryId, answers: queue.queries[queryId]?.answers.length ?? 0 },
        })),
      );
    },

    async decideVotes(input: { campaignId: string; round: number }) {
      const { campaignId, round } = input;
      const stream = await readCampaignStream(store, campaignId);
      const queue = projectQueryQueue(stream.events);
      const roundQueries = Object.values(queue.queries).filter((query) => query.round === round);
      const votes = roundQueries.map((query) => ({ query, ...decideVote(query.answers) }));

      const fresh = votes.filter(({ query }) => !stream.find(`${query.queryId}/VoteDecided`));
      if (fresh.length > 0) {
        await stream.append(
          fresh.map(({ query, label, tally }) => ({
            type: 'VoteDecided' as const,
            eventId: `${query.queryId}/VoteDecided`,
            data: { campaignId, queryId: query.queryId, imageId: query.imageId, label, tally },
          })),
        );
      }
      return {
        answered: roundQueries.filter((query) => query.answers.length > 0).length,
        decided: votes.filter((vote) => vote.label !== null).length,
      };
    },
  };
}
