import { isDeepStrictEqual } from 'node:util';
import type { NewEvent, RecordedEvent } from '../catalog';
import { ConcurrencyError, ValidationError } from '../errors';
import type { ExpectedVersion } from './event-store';

/** What an append does once the store has looked at the stream and the batch's ids. */
export type AppendDecision =
  { kind: 'write' } | { kind: 'duplicate'; nextVersion: number; lastPosition: number };

export interface AppendFacts {
  streamId: string;
  events: readonly NewEvent[];
  expectedVersion: ExpectedVersion;
  /** Version of the stream's last event, 0 when the stream does not exist. */
  currentVersion: number;
  /** The already stored events whose ids occur in the batch. */
  stored: readonly RecordedEvent[];
}

export function checkExpectedVersion(
  streamId: string,
  expected: ExpectedVersion,
  current: number,
): void {
  if (expected === 'any') return;
  if (expected === 'no_stream' && current !== 0) {
    throw new ConcurrencyError(
      `stream ${streamId} was expected not to exist, but it is at version ${current}`,
    );
  }
  if (typeof expected === 'number' && expected !== current) {
    throw new ConcurrencyError(
      `stream ${streamId} was expected at version ${expected}, but it is at version ${current}`,
    );
  }
}

// JSON round trip first: stored data went through it, so keys set to undefined must not count.
const sameData = (left: unknown, right: unknown) =>
  isDeepStrictEqual(JSON.parse(JSON.stringify(left)), JSON.parse(JSON.stringify(right)));

function checkSameFact(streamId: string, proposed: NewEvent, stored: RecordedEvent): void {
  const { eventId, streamId: storedStream, version } = stored.metadata;
  if (storedStream !== streamId) {
    throw new ValidationError(
      `event id ${eventId} is already stored in stream ${storedStream} (version ${version}), ` +
        `not in stream ${streamId}; event ids must be unique across the store`,
    );
  }
  // Causation is left out on purpose: a workflow re-run re-appends the same fact from a new run.
  if (proposed.type !== stored.type || !sameData(proposed.data, stored.data)) {
    throw new ValidationError(
      `event id ${eventId} is already stored in stream ${streamId} (version ${version}) ` +
        `as a different fact: stored ${stored.type} ${JSON.stringify(stored.data)}, ` +
        `received ${proposed.type} ${JSON.stringify(proposed.data)}`,
    );
  }
}

/**
 * Decides an append from what is stored. A batch whose ids are all stored, as the same facts
 * in the same stream, is a retried write: it succeeds without writing, whatever the expected
 * version says now. Anything else must match the expected version.
 */
export function decideAppend(facts: AppendFacts): AppendDecision {
  const { streamId, events, expectedVersion, currentVersion, stored } = facts;
  if (stored.length === 0) {
    checkExpectedVersion(streamId, expectedVersion, currentVersion);
    return { kind: 'write' };
  }

  const storedById = new Map(stored.map((event) => [event.metadata.eventId, event]));
  for (const event of events) {
    const match = storedById.get(event.eventId);
    if (match) checkSameFact(streamId, event, match);
  }
  if (stored.length < events.length) {
    const fresh = events.filter((event) => !storedById.has(event.eventId));
    throw new ConcurrencyError(
      `batch for stream ${streamId} mixes already stored event ids ` +
        `(${[...storedById.keys()].join(', ')}) with new ones ` +
        `(${fresh.map((event) => event.eventId).join(', ')}); ` +
        `a retried batch must be sent again unchanged`,
    );
  }

  return {
    kind: 'duplicate',
    nextVersion: Math.max(...stored.map((event) => event.metadata.version)),
    lastPosition: Math.max(...stored.map((event) => event.metadata.position)),
  };
}
