import type { Database } from 'better-sqlite3';

// position is the rowid: SQLite lets one writer commit at a time, so positions become visible
// in increasing order and a reader polling "position > checkpoint" never skips an event.
const schema = `
  CREATE TABLE IF NOT EXISTS events (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL UNIQUE,
    stream_id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    causation TEXT,
    recorded_at TEXT NOT NULL,
    UNIQUE (stream_id, version)
  );
  CREATE TRIGGER IF NOT EXISTS events_forbid_update BEFORE UPDATE ON events
  BEGIN
    SELECT RAISE(ABORT, 'events are append-only: a correction is a new event, not an update');
  END;
  CREATE TRIGGER IF NOT EXISTS events_forbid_delete BEFORE DELETE ON events
  BEGIN
    SELECT RAISE(ABORT, 'events are append-only: stored events are never deleted');
  END;
`;

/**
 * Prepares a connection: WAL so the web server reads while the worker appends, full sync so
 * an acknowledged event survives a power cut, and the schema created once under the write
 * lock so that two processes opening a new file do not race.
 */
export function prepareSqliteSchema(db: Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.transaction(() => db.exec(schema)).immediate();
}
