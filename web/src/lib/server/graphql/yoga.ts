/// <reference types="vite/client" />
import { createSchema, createYoga, maskError, type YogaLogger } from 'graphql-yoga';
import type { CampaignCommands } from '../commands';
import type { PointLayouts } from '../labelling/point-layout';
import type { RelabelPoints } from '../labelling/relabel-points';
import { silentLogger, type Logger } from '../logger';
import type { ReadModel } from '../read-model';
import auditTypeDefs from './audit/schema.graphql?raw';
import { auditResolvers } from './audit/resolvers';
import campaignTypeDefs from './campaigns/schema.graphql?raw';
import { campaignResolvers } from './campaigns/resolvers';
import expertTypeDefs from './experts/schema.graphql?raw';
import { expertResolvers } from './experts/resolvers';
import type { GraphqlContext } from './context';
import labelTypeDefs from './labels/schema.graphql?raw';
import { labelResolvers } from './labels/resolvers';
import queryTypeDefs from './queries/schema.graphql?raw';
import { queryResolvers } from './queries/resolvers';
import rootTypeDefs from './schema.graphql?raw';

/** What the GraphQL server is built from. */
export interface GraphqlServerOptions {
  readModel: ReadModel;
  commands: CampaignCommands;
  relabelPoints: RelabelPoints;
  layouts: PointLayouts;
  /** Where unexpected errors are logged in full; clients only see "Unexpected error.". */
  logger?: Logger;
}

function yogaLogger(logger: Logger): YogaLogger {
  const forward =
    (level: keyof Logger) =>
    (...args: unknown[]) => {
      const [first, ...rest] = args;
      if (typeof first === 'string') logger[level](first, rest.length ? { details: rest } : {});
      else logger[level]('graphql', { error: first, details: rest.length ? rest : undefined });
    };
  return {
    debug: forward('debug'),
    info: forward('info'),
    warn: forward('warn'),
    error: forward('error'),
  };
}

/**
 * The GraphQL endpoint, built without listening anywhere: the SvelteKit route hands it requests,
 * tests call its `fetch` directly.
 */
export function createGraphqlServer({
  readModel,
  commands,
  relabelPoints,
  layouts,
  logger = silentLogger,
}: GraphqlServerOptions) {
  const schema = createSchema<GraphqlContext>({
    typeDefs: [
      rootTypeDefs,
      campaignTypeDefs,
      queryTypeDefs,
      auditTypeDefs,
      labelTypeDefs,
      expertTypeDefs,
    ],
    resolvers: [campaignResolvers, queryResolvers, auditResolvers, labelResolvers, expertResolvers],
  });

  return createYoga<object, GraphqlContext>({
    schema,
    graphqlEndpoint: '/graphql',
    context: () => ({ readModel, commands, relabelPoints, layouts }),
    logging: yogaLogger(logger),
    // Never echo an unexpected error's details to clients, whatever NODE_ENV says.
    maskedErrors: { maskError: (error, message) => maskError(error, message, false) },
    // SvelteKit accepts only the platform's own Response class, not yoga's ponyfill.
    fetchAPI: { Response },
    // GraphiQL loads its assets from a CDN; operators can use any GraphQL client instead.
    graphiql: false,
  });
}

/** The GraphQL server's type, for code that holds one. */
export type GraphqlServer = ReturnType<typeof createGraphqlServer>;
