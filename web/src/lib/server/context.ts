import path from 'node:path';
import {
  openArtefactFolder,
  type ArtefactFolder,
} from '../../../../activities/artefacts/artefact-folder';
import { loadMnistDigits } from '../../../../activities/data/mnist';
import type { EventStore } from '../../../../events/store/event-store';
import { openEventStore } from '../../../../events/store/open';
import { disconnectedCommands, type ConnectedCommands } from './commands';
import { createGraphqlServer, type GraphqlServer } from './graphql/yoga';
import { createDigitImages, type DigitImages } from './images/digit-images';
import { createSampleImages, type SampleImages } from './images/sample-images';
import { createPointLayouts } from './labelling/point-layout';
import { createRelabelPoints } from './labelling/relabel-points';
import { followEventStore, type LiveReadModel } from './live-read-model';
import { createJsonLogger, type Logger } from './logger';
import { createTemporalCommands } from './temporal-commands';

/** The settings the web server reads from its environment. */
export interface WebEnvironment {
  /** SQLite file of the event store, relative to the working directory (the repository root). */
  EVENT_STORE?: string;
  /** The artefact folder the worker writes (layouts, samples), relative like EVENT_STORE. */
  ARTEFACTS?: string;
  /** Where the Temporal frontend listens; without it the pages read and commands are refused. */
  TEMPORAL_ADDRESS?: string;
  /** Temporal namespace of the campaigns, 'default' unless set. */
  TEMPORAL_NAMESPACE?: string;
  /** Task queue the campaign workers poll, 'labelling' unless set. */
  TASK_QUEUE?: string;
  LOG_LEVEL?: string;
  [name: string]: string | undefined;
}

/** What the server holds once, for every request. */
export interface WebContext {
  store: EventStore;
  readModel: LiveReadModel;
  commands: ConnectedCommands;
  graphql: GraphqlServer;
  images: DigitImages;
  samples: SampleImages;
  artefacts: ArtefactFolder;
  logger: Logger;
}

export const defaultEventStorePath = '.data/events.sqlite';
export const defaultArtefactsPath = '.data/artefacts';

function commandsFrom(env: WebEnvironment, logger: Logger): ConnectedCommands {
  if (!env.TEMPORAL_ADDRESS) {
    logger.warn('no workflow engine connected: answers will be refused', {
      expected: 'TEMPORAL_ADDRESS',
    });
    return disconnectedCommands;
  }

  const settings = {
    address: env.TEMPORAL_ADDRESS,
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TASK_QUEUE ?? 'labelling',
  };
  logger.info('commands go to Temporal', { ...settings });
  return createTemporalCommands(settings);
}

let context: Promise<WebContext> | undefined;

async function createWebContext(env: WebEnvironment): Promise<WebContext> {
  const logger = createJsonLogger(env.LOG_LEVEL === 'debug' ? 'debug' : 'info');
  const storePath = path.resolve(env.EVENT_STORE ?? defaultEventStorePath);
  const store = await openEventStore(storePath);
  const readModel = await followEventStore(store, logger);
  const commands = commandsFrom(env, logger);
  const artefactsPath = path.resolve(env.ARTEFACTS ?? defaultArtefactsPath);
  const artefacts = openArtefactFolder(artefactsPath);
  logger.info('web context ready', { storePath, artefactsPath, position: readModel.position() });

  return {
    store,
    readModel,
    commands,
    graphql: createGraphqlServer({
      readModel,
      commands,
      relabelPoints: createRelabelPoints(store),
      layouts: createPointLayouts(artefacts),
      logger,
    }),
    images: createDigitImages((campaignId) => readModel.dataset(campaignId), loadMnistDigits),
    samples: createSampleImages(artefacts),
    artefacts,
    logger,
  };
}

/** The server's one context, created on first use from the environment. */
export function getWebContext(env: WebEnvironment = process.env): Promise<WebContext> {
  context ??= createWebContext(env);
  return context;
}

/** Closes the engine connection and the store, so that the process can exit. */
export async function closeWebContext(): Promise<void> {
  const closing = context;
  context = undefined;
  if (!closing) return;

  const { commands, readModel, store } = await closing;
  await commands.close();
  await readModel.close();
  await store.close();
}
