import { parseArgs } from 'node:util';

import { IllegalStateError, ValidationError } from '../../events/errors';
import { readLogTail } from './log-tail';
import { startTemporalServer } from './server';

const USAGE = `Usage: tsx infra/temporal/start-server.ts [--db FILE] [--port N] [--ui-port N]

Starts the embedded Temporal dev server (SQLite persistence, loopback only) in the
foreground; Ctrl-C or SIGTERM stops it. Installs the temporal CLI on first use.

  --db FILE      SQLite file that keeps workflows across restarts (.data/temporal.sqlite)
  --port N       frontend gRPC port (7233)
  --ui-port N    Web UI port (8233)
  -h, --help     print this help`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: '.data/temporal.sqlite' },
      port: { type: 'string', default: '7233' },
      'ui-port': { type: 'string', default: '8233' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }

  const server = await startTemporalServer({
    dbFile: values.db,
    port: parsePort('--port', values.port),
    uiPort: parsePort('--ui-port', values['ui-port']),
    onProgress: (message) => console.log(`temporal cli: ${message}`),
  });
  console.log(`Temporal frontend: ${server.address}`);
  console.log(`Temporal Web UI:   ${server.uiUrl}`);
  console.log(`Persistence:       ${server.dbFile} (log: ${server.logFile}, pid ${server.pid})`);

  const ending = await Promise.race([nextSignal(), server.exited.then((exit) => ({ exit }))]);
  if (typeof ending !== 'string') {
    throw new IllegalStateError(
      `Temporal server pid ${server.pid} exited on its own (code ${ending.exit.code}, ` +
        `signal ${ending.exit.signal}); expected it to run until stopped. ` +
        `Tail of ${server.logFile}:\n${await readLogTail(server.logFile)}`,
    );
  }

  console.log(`${ending}: stopping Temporal server pid ${server.pid}`);
  await server.stop();
}

function parsePort(flag: string, text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new ValidationError(`${flag} must be an integer from 1 to 65535, got "${text}"`);
  }
  return port;
}

function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exit(1);
});
