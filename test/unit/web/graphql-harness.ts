import type { NewEvent } from '../../../events/catalog';
import type {
  AnswerQueryInput,
  CampaignCommands,
  ExpertAvailabilityInput,
} from '../../../web/src/lib/server/commands';
import type { PointLayouts } from '../../../web/src/lib/server/labelling/point-layout';
import type {
  RelabelPoints,
  RelabelPointsInput,
} from '../../../web/src/lib/server/labelling/relabel-points';
import type { ClusteringRef, RoundRef } from '../../../web/src/lib/server/read-model';
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
 * The GraphQL server on a read model of a history (the first-round campaign unless given),
 * with command doubles that record what they were sent and keep the unavailable experts (all
 * failing with `failure` when given one), a layout double that lays point i at (i, 2i) in
 * cluster i mod 3, and a logger that keeps what it was told.
 */
export function graphqlHarness(failure?: Error, history: NewEvent[] = campaignInFirstRound()) {
  const readModel = createProjectedReadModel();
  for (const event of recorded(history)) readModel.apply(event);

  const sent: { round: RoundRef; input: AnswerQueryInput }[] = [];
  const availability: { change: string; input: ExpertAvailabilityInput }[] = [];
  const unavailable = new Set<string>();
  const commands: CampaignCommands = {
    answerQuery: async (round, input) => {
      sent.push({ round, input });
      if (failure) throw failure;
      return { accepted: true };
    },
    markExpertUnavailable: async (input) => {
      availability.push({ change: 'unavailable', input });
      if (failure) throw failure;
      unavailable.add(input.expertId);
      return { campaignId: input.campaignId, unavailable: [...unavailable] };
    },
    markExpertAvailable: async (input) => {
      availability.push({ change: 'available', input });
      if (failure) throw failure;
      unavailable.delete(input.expertId);
      return { campaignId: input.campaignId, unavailable: [...unavailable] };
    },
  };

  const relabelled: RelabelPointsInput[] = [];
  const relabelPoints: RelabelPoints = async (input) => {
    relabelled.push(input);
    if (failure) throw failure;
    return { eventId: 'relabel-1', version: history.length + 1, relabelled: input.pointIds.length };
  };
  const layoutsRead: ClusteringRef[] = [];
  const layouts: PointLayouts = {
    layoutOf: async (clustering) => {
      layoutsRead.push(clustering);
      if (failure) throw failure;
      const points = [0, 1, 2, 3].map((id) => ({ id, x: id, y: 2 * id, cluster: id % 3 }));
      return { round: clustering.round, dimensions: 2, points };
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

  const yoga = createGraphqlServer({ readModel, commands, relabelPoints, layouts, logger });

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

  return { yoga, readModel, sent, availability, relabelled, layoutsRead, logged, execute };
}
