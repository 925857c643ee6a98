/** Fields that travel with a log message, e.g. `{ campaignId, position }`. */
export type LogFields = Record<string, unknown>;

/** The web app's one logger: a short message plus structured fields. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

type Level = keyof Logger;

function describe(value: unknown): unknown {
  return value instanceof Error
    ? { name: value.name, message: value.message, stack: value.stack }
    : value;
}

/** Writes one JSON line per message to stderr, so the server's output can be grepped and parsed. */
export function createJsonLogger(minimum: Level = 'info'): Logger {
  const order: Level[] = ['debug', 'info', 'warn', 'error'];
  const write =
    (level: Level) =>
    (message: string, fields: LogFields = {}) => {
      if (order.indexOf(level) < order.indexOf(minimum)) return;

      const entries = Object.entries(fields).map(([key, value]) => [key, describe(value)]);
      const line = {
        time: new Date().toISOString(),
        level,
        message,
        ...Object.fromEntries(entries),
      };
      process.stderr.write(`${JSON.stringify(line)}\n`);
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** Drops everything: for tests that assert on responses, not on logs. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
