import type { AnswerQueryInput, CampaignCommands } from '../../../web/src/lib/server/commands';
import type { RoundRef } from '../../../web/src/lib/server/read-model';
import { createGraphqlServer } from '../../../web/src/lib/server/graphql/yoga';
import type { LogFields, Logger } from '../../../web/src/lib/server/logger';
import { createProjectedReadModel } from '../../../web/src/lib/server/projected-read-model';
import { campaignInFirstRound, recorded } from './campaign-history';

/** A GraphQL response as the tests read it. */
export interface GraphqlReply {
  status: number;
  data: Record<string, unknown> | null | undefined;
  errors: { message: string; extensions?: { code?: string } }[] | undefined;
}

/**
 * The GraphQL server on a read model of the first-round campaign, with a command double that
 * records what it was sent (and fails with `failure` when given one) and a logger that keeps
 * what it was told.
 */
export function graphqlHarness(failure?: Error) {
  const readModel = createProjectedReadModel();
  for (const event of recorded(campaignInFirstRound())) readModel.apply(event);

  const sent: { round: RoundRef; input: AnswerQueryInput }[] = [];
  const commands: CampaignCommands = {
    answerQuery: async (round, input) => {
      sent.push({ round, input });
      if (failure) throw failure;
      return { accepted: true };
    },
  };

  const logged: { level: keyof Logger; message: string; fields: LogFields }[] = [];
  const keep =
    (level: keyof Logger) =>
    (message: string, fields: LogFields = {}) =>
      logged.push({ level, message, fields });
  const logger: Logger = {
    debug: keep('debug'),
    info: keep('info'),
    warn: keep('warn'),
    error: keep('error'),
  };

  const yoga = createGraphqlServer({ readModel, commands, logger });

  async function execute(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphqlReply> {
    const response = await yoga.fetch('http://web.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphqlReply, 'status'>;
    return { status: response.status, data: body.data, errors: body.errors };
  }

  return { yoga, readModel, sent, logged, execute };
}
