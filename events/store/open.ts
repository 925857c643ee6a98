import { fileURLToPath } from 'node:url';
import { ValidationError } from '../errors';
import type { EventStore } from './event-store';
import { openSqliteEventStore } from './sqlite-event-store';

/** Which adapter a store location names, and where. */
export type EventStoreLocation = { adapter: 'sqlite'; path: string };

const plannedAdapters = new Map([
  ['postgres', 'PostgreSQL'],
  ['postgresql', 'PostgreSQL'],
  ['kurrentdb', 'KurrentDB'],
  ['esdb', 'KurrentDB'],
]);

const usage = "use 'sqlite:<path>', 'sqlite::memory:', a file: URL or a plain file path";

// Two or more letters, so a Windows drive ("C:\...") reads as a path, not a scheme.
const schemePattern = /^([a-z][a-z0-9+.-]+):/i;

/** Reads a store URL or path: `sqlite:<path>`, `sqlite:///abs/path`, `file:` URL or a path. */
export function parseEventStoreUrl(url: string): EventStoreLocation {
  if (typeof url !== 'string' || url.trim() === '') {
    throw new ValidationError(`event store location must be a non-empty string; ${usage}`);
  }

  const scheme = schemePattern.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return { adapter: 'sqlite', path: url };
  if (scheme === 'file') return { adapter: 'sqlite', path: fileURLToPath(url) };
  if (scheme === 'sqlite') {
    const rest = url.slice('sqlite:'.length);
    const path = rest.startsWith('//') ? rest.slice(2) : rest;
    if (path === '') throw new ValidationError(`event store URL ${url} names no file; ${usage}`);
    return { adapter: 'sqlite', path };
  }

  const planned = plannedAdapters.get(scheme);
  if (planned) {
    throw new ValidationError(
      `event store URL ${url} asks for the ${planned} adapter, which does not exist yet; ${usage}`,
    );
  }
  throw new ValidationError(`event store URL ${url} has unknown scheme ${scheme}:; ${usage}`);
}

/** Opens the event store a URL or path names (see `parseEventStoreUrl`). */
export function openEventStore(url: string): EventStore {
  const location = parseEventStoreUrl(url);
  return openSqliteEventStore(location.path);
}
