import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { NewEvent, RecordedEvent } from '../catalog';
import { IllegalStateError } from '../errors';
import { decideAppend } from './append-decision';
import type { AppendResult, EventStore, ExpectedVersion } from './event-store';
import { startPollingSubscription, type PollingSubscription } from './polling-subscription';
import { prepareSqliteSchema } from './sqlite-schema';
import {
  validateBatch,
  validateCheckpoint,
  validateExpectedVersion,
  validateLimit,
  validateStreamId,
} from './store-input';
import { decodeStoredEvent, type StoredEventRow } from './stored-event';

/** Tuning of the SQLite adapter; the defaults suit one worker and one web server. */
export interface SqliteEventStoreOptions {
  /** How often a subscription looks for events appended by other processes. */
  pollIntervalMs?: number;
  /** How long a write waits for another process's write lock before failing. */
  busyTimeoutMs?: number;
  /** Events a subscription reads per query while catching up. */
  subscriptionBatchSize?: number;
}

const columns = `position, event_id AS eventId, stream_id AS streamId, version, type, data,
  causation, recorded_at AS recordedAt`;

function prepareStatements(db: Database.Database) {
  return {
    byEventId: db.prepare<[string], StoredEventRow>(
      `SELECT ${columns} FROM events WHERE event_id = ?`,
    ),
    version: db
      .prepare<[string], number>('SELECT COALESCE(MAX(version), 0) FROM events WHERE stream_id = ?')
      .pluck(),
    stream: db.prepare<[string, number], StoredEventRow>(
      `SELECT ${columns} FROM events WHERE stream_id = ? AND version > ? ORDER BY version`,
    ),
    // LIMIT -1 means no limit in SQLite.
    all: db.prepare<[number, number], StoredEventRow>(
      `SELECT ${columns} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
    ),
    insert: db.prepare(
      `INSERT INTO events (event_id, stream_id, version, type, data, causation, recorded_at)
       VALUES (@eventId, @streamId, @version, @type, @data, @causation, @recordedAt)`,
    ),
  };
}

/**
 * Opens (and creates when missing) a SQLite event store. Several processes may open the same
 * file: appends serialise on SQLite's write lock, subscriptions poll for other processes'
 * events and wake at once on appends made through this instance. ':memory:' gives a private
 * store for unit tests.
 */
export function openSqliteEventStore(
  path: string,
  options: SqliteEventStoreOptions = {},
): EventStore {
  const { pollIntervalMs = 200, busyTimeoutMs = 5_000, subscriptionBatchSize = 500 } = options;
  // '' is SQLite's private temporary database: neither it nor ':memory:' has a folder.
  if (path !== ':memory:' && path !== '') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: busyTimeoutMs });
  prepareSqliteSchema(db);
  const statements = prepareStatements(db);
  const subscriptions = new Set<PollingSubscription>();
  let closed = false;

  const ensureOpen = () => {
    if (closed) throw new IllegalStateError(`event store ${path} is closed`);
  };

  const writeBatch = (streamId: string, events: NewEvent[], expected: ExpectedVersion) => {
    const stored = events
      .map((event) => statements.byEventId.get(event.eventId))
      .filter((row) => row !== undefined)
      .map(decodeStoredEvent);
    const currentVersion = statements.version.get(streamId) ?? 0;
    const decision = decideAppend({
      streamId,
      events,
      expectedVersion: expected,
      currentVersion,
      stored,
    });
    if (decision.kind === 'duplicate') {
      const { nextVersion, lastPosition } = decision;
      return { streamId, nextVersion, lastPosition, duplicate: true };
    }

    const recordedAt = new Date().toISOString();
    let lastPosition = 0;
    events.forEach((event, index) => {
      const inserted = statements.insert.run({
        eventId: event.eventId,
        streamId,
        version: currentVersion + index + 1,
        type: event.type,
        data: JSON.stringify(event.data),
        causation: event.causation ? JSON.stringify(event.causation) : null,
        recordedAt,
      });
      lastPosition = Number(inserted.lastInsertRowid);
    });
    return {
      streamId,
      nextVersion: currentVersion + events.length,
      lastPosition,
      duplicate: false,
    };
  };
  const appendTransaction = db.transaction(writeBatch);

  const readAfter = (position: number, limit: number | undefined): RecordedEvent[] =>
    statements.all.all(position, limit ?? -1).map(decodeStoredEvent);

  return {
    async append(streamId, events, appendOptions): Promise<AppendResult> {
      ensureOpen();
      const stream = validateStreamId(streamId);
      const expected = validateExpectedVersion(appendOptions?.expectedVersion);
      const batch = validateBatch(stream, events);

      // IMMEDIATE takes the write lock before the version is read, so the check and the insert
      // see the same stream even when another process appends at the same moment.
      const result = appendTransaction.immediate(stream, batch, expected);
      if (!result.duplicate) subscriptions.forEach((subscription) => subscription.wake());
      return result;
    },

    async readStream(streamId, readOptions = {}) {
      ensureOpen();
      const stream = validateStreamId(streamId);
      const fromVersion = validateCheckpoint('fromVersion', readOptions.fromVersion);
      return statements.stream.all(stream, fromVersion).map(decodeStoredEvent);
    },

    async streamVersion(streamId) {
      ensureOpen();
      return statements.version.get(validateStreamId(streamId)) ?? 0;
    },

    async readAll(readOptions = {}) {
      ensureOpen();
      const fromPosition = validateCheckpoint('fromPosition', readOptions.fromPosition);
      return readAfter(fromPosition, validateLimit(readOptions.limit));
    },

    subscribe(fromPosition, handler) {
      ensureOpen();
      const subscription = startPollingSubscription({
        fromPosition: validateCheckpoint('fromPosition', fromPosition),
        handler,
        read: async (after, limit) => {
          ensureOpen();
          return readAfter(after, limit);
        },
        intervalMs: pollIntervalMs,
        batchSize: subscriptionBatchSize,
        onStop: () => subscriptions.delete(subscription),
      });
      subscriptions.add(subscription);
      return subscription;
    },

    async close() {
      if (closed) return;
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
      closed = true;
      db.close();
    },
  };
}
