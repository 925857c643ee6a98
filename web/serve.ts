import { parseArgs } from 'node:util';
import { buildWebApp, webBuildIsStale } from './app-build';
import { startWebServer } from './server-process';

const usage = `Usage: tsx web/serve.ts [--build] [--no-start] [--host 127.0.0.1] [--port 3000]
Builds the web app when its build is missing or stale (always with --build), then serves it.
Reads EVENT_STORE (default .data/events.sqlite), TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE,
TASK_QUEUE, LOG_LEVEL.`;

async function main() {
  const { values } = parseArgs({
    options: {
      build: { type: 'boolean', default: false },
      'no-start': { type: 'boolean', default: false },
      host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
      port: { type: 'string', default: process.env.PORT ?? '3000' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(usage);

  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`--port must be an integer 1 to 65535, got ${values.port}`);
  }

  if (values.build || webBuildIsStale()) {
    console.log('[web 1/2] building the app (vite build, adapter-node)');
    const ms = await buildWebApp();
    console.log(`[web 1/2] built in ${(ms / 1000).toFixed(1)} s`);
  }
  if (values['no-start']) return;

  const server = await startWebServer({ host: values.host, port });
  console.log(`[web 2/2] serving ${server.url}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void server.stop().then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
