import { IllegalStateError } from '../../../../events/errors';

/** An expert's answer to one query, as the UI submits it. */
export interface AnswerQueryInput {
  queryId: string;
  expertId: string;
  answer: string;
}

/**
 * The commands the web app sends to the workflow engine. The Temporal implementation delivers
 * them to the running round workflow, which validates them again and appends the events; a
 * refusal comes back as a DomainError (events/errors.ts).
 */
export interface CampaignCommands {
  answerQuery(input: AnswerQueryInput): Promise<{ accepted: true }>;
}

/** Used while no workflow engine is connected: every command is refused, saying why. */
export const disconnectedCommands: CampaignCommands = {
  answerQuery: async ({ queryId }) => {
    throw new IllegalStateError(
      `cannot deliver the answer to query ${queryId}: no workflow engine is connected ` +
        '(expected TEMPORAL_ADDRESS or COMMAND_JOURNAL to be set)',
    );
  },
};
