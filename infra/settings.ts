import { resolve } from 'node:path';

/**
 * Where the embedded product keeps its state and listens, from the environment with
 * one-machine defaults. Every server binds to loopback unless told otherwise.
 */
export interface Settings {
  dataDir: string;
  eventStore: string;
  artefacts: string;
  temporalDb: string;
  temporalAddress: string;
  temporalPort: number;
  temporalUiPort: number;
  namespace: string;
  taskQueue: string;
  webHost: string;
  webPort: number;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const dataDir = resolve(env.DATA_DIR ?? '.data');
  const temporalPort = Number(env.TEMPORAL_PORT ?? 7233);
  return {
    dataDir,
    eventStore: resolve(env.EVENT_STORE ?? `${dataDir}/events.sqlite`),
    artefacts: resolve(env.ARTEFACTS ?? `${dataDir}/artefacts`),
    temporalDb: resolve(env.TEMPORAL_DB ?? `${dataDir}/temporal.sqlite`),
    temporalAddress: env.TEMPORAL_ADDRESS ?? `127.0.0.1:${temporalPort}`,
    temporalPort,
    temporalUiPort: Number(env.TEMPORAL_UI_PORT ?? 8233),
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TASK_QUEUE ?? 'labelling',
    webHost: env.HOST ?? '127.0.0.1',
    webPort: Number(env.PORT ?? 3000),
  };
}

/**
 * Why the ports in the settings cannot work, or null: each must be an integer in 1..65535,
 * and the web app, Temporal and Temporal's UI need three different ones.
 */
export function portProblem(settings: Settings, env: NodeJS.ProcessEnv = process.env) {
  const ports = [
    ['PORT', settings.webPort, env.PORT],
    ['TEMPORAL_PORT', settings.temporalPort, env.TEMPORAL_PORT],
    ['TEMPORAL_UI_PORT', settings.temporalUiPort, env.TEMPORAL_UI_PORT],
  ] as const;
  for (const [name, port, text] of ports) {
    // Digits only: Number() would also read '0x7A00' and ' 3000 '.
    const digits = text === undefined || /^\d+$/.test(text);
    if (!digits || !Number.isInteger(port) || port < 1 || port > 65535) {
      return `${name} must be a port number from 1 to 65535, got ${JSON.stringify(text)}`;
    }
  }
  for (const [i, [name, port]] of ports.entries()) {
    const same = ports.slice(i + 1).find(([, other]) => other === port);
    if (same) return `${name} and ${same[0]} are both ${port}; each server needs its own port`;
  }
  return null;
}
