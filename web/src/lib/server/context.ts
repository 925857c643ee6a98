import path from 'node:path';
import { loadMnistDigits } from '../../../../activities/data/mnist';
import type { EventStore } from '../../../../events/store/event-store';
import { openEventStore } from '../../../../events/store/open';
import { disconnectedCommands, type CampaignCommands } from './commands';
import { createGraphqlServer, type GraphqlServer } from './graphql/yoga';
import { createDigitImages, type DigitImages } from './images/digit-images';
import { createJournalCommands } from './journal-commands';
import { followEventStore, type LiveReadModel } from './live-read-model';
import { createJsonLogger, type Logger } from './logger';

/** The settings the web server reads from its environment. */
export interface WebEnvironment {
  /** SQLite file of the event store, relative to the working directory (the repository root). */
  EVENT_STORE?: string;
  /** Where the Temporal frontend listens; commands go there once they are wired. */
  TEMPORAL_ADDRESS?: string;
  /** A file to record commands in instead of sending them (no workflow engine needed). */
  COMMAND_JOURNAL?: string;
  LOG_LEVEL?: string;
  [name: string]: string | undefined;
}

/** What the server holds once, for every request. */
export interface WebContext {
  store: EventStore;
  readModel: LiveReadModel;
  commands: CampaignCommands;
  graphql: GraphqlServer;
  images: DigitImages;
  logger: Logger;
}

/** Builds the commands the server sends; replaceable so the Temporal client can be plugged in. */
export type CommandsFactory = (env: WebEnvironment, logger: Logger) => CampaignCommands;

export const defaultEventStorePath = '.data/events.sqlite';

const commandsFromEnv: CommandsFactory = (env, logger) => {
  if (env.COMMAND_JOURNAL) {
    logger.info('commands are journalled, not sent', { journal: env.COMMAND_JOURNAL });
    return createJournalCommands(env.COMMAND_JOURNAL);
  }
  logger.warn('no workflow engine connected: answers will be refused', {
    temporalAddress: env.TEMPORAL_ADDRESS ?? null,
  });
  return disconnectedCommands;
};

let commandsFactory: CommandsFactory = commandsFromEnv;
let context: Promise<WebContext> | undefined;

/** Replaces how commands are built; call it before the first request (e.g. in hooks' init). */
export function setCommandsFactory(factory: CommandsFactory): void {
  commandsFactory = factory;
}

async function createWebContext(env: WebEnvironment): Promise<WebContext> {
  const logger = createJsonLogger(env.LOG_LEVEL === 'debug' ? 'debug' : 'info');
  const storePath = path.resolve(env.EVENT_STORE ?? defaultEventStorePath);
  const store = await openEventStore(storePath);
  const readModel = await followEventStore(store, logger);
  const commands = commandsFactory(env, logger);
  logger.info('web context ready', { storePath, position: readModel.position() });

  return {
    store,
    readModel,
    commands,
    graphql: createGraphqlServer({ readModel, commands, logger }),
    images: createDigitImages((campaignId) => readModel.dataset(campaignId), loadMnistDigits),
    logger,
  };
}

/** The server's one context, created on first use from the environment. */
export function getWebContext(env: WebEnvironment = process.env): Promise<WebContext> {
  context ??= createWebContext(env);
  return context;
}

/** Stops following the store and closes it, so that the process can exit. */
export async function closeWebContext(): Promise<void> {
  const closing = context;
  context = undefined;
  if (!closing) return;

  const { readModel, store } = await closing;
  await readModel.close();
  await store.close();
}
