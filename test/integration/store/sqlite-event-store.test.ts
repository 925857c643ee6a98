import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../events/errors';
import { openSqliteEventStore } from '../../../events/store/sqlite-event-store';
import { campaignFacts } from '../../unit/events/event-fixtures';
import { runEventStoreContract } from './event-store-contract';

const folder = mkdtempSync(join(tmpdir(), 'sqlite-event-store-'));
const file = join(folder, 'events.db');

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A plain connection that bypasses the store, as an operator's sqlite3 shell would. */
function rawConnection(path: string) {
  return new Database(path);
}

function runAppender(args: string[]) {
  const script = fileURLToPath(new URL('./concurrent-appender.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, output })),
  );
}

describe('sqlite event store on a file', () => {
  runEventStoreContract(() => openSqliteEventStore(file));
});

describe('sqlite event store specifics', () => {
  it('keeps the file in WAL mode so readers do not block the writer', async () => {
    const store = openSqliteEventStore(join(folder, 'wal.db'));
    await store.close();

    const raw = rawConnection(join(folder, 'wal.db'));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('works in memory, private to one connection', async () => {
    const facts = campaignFacts('memory');
    const one = openSqliteEventStore(':memory:');
    const two = openSqliteEventStore(':memory:');

    await one.append('campaign-memory', [facts.started()], { expectedVersion: 'no_stream' });

    expect(await one.streamVersion('campaign-memory')).toBe(1);
    expect(await two.streamVersion('campaign-memory')).toBe(0);
    await one.close();
    await two.close();
  });

  it.each([
    { statement: "UPDATE events SET data = '{}'", refusal: /append-only.*not an update/ },
    { statement: 'DELETE FROM events', refusal: /append-only.*never deleted/ },
  ])('refuses "$statement" even outside the store', async ({ statement, refusal }) => {
    const path = join(folder, `append-only-${statement.split(' ')[0]}.db`);
    const store = openSqliteEventStore(path);
    await store.append('campaign-a', [campaignFacts('a').started()], { expectedVersion: 0 });

    const raw = rawConnection(path);
    expect(() => raw.exec(statement)).toThrow(refusal);
    raw.close();

    expect((await store.readStream('campaign-a')).map((event) => event.type)).toEqual([
      'CampaignStarted',
    ]);
    await store.close();
  });

  it.each([
    {
      name: 'data that is not JSON',
      type: 'RoundStarted',
      data: '{"campaignId":',
      why: /not JSON/,
    },
    {
      name: 'data the catalogue refuses',
      type: 'RoundStarted',
      data: '{"campaignId":"x","round":0}',
      why: /malformed RoundStarted event bad-row: round:/,
    },
    { name: 'an unknown type', type: 'RoundDeleted', data: '{}', why: /unknown event type/ },
  ])('names the position of a stored row holding $name', async ({ type, data, why }) => {
    const path = join(folder, `corrupt-${type}-${data.length}.db`);
    const store = openSqliteEventStore(path);
    const facts = campaignFacts('x');
    await store.append('campaign-x', [facts.started()], { expectedVersion: 0 });
    const raw = rawConnection(path);
    raw
      .prepare(
        `INSERT INTO events (event_id, stream_id, version, type, data, recorded_at)
         VALUES ('bad-row', 'campaign-x', 2, ?, ?, '2030-01-01T00:00:00.000Z')`,
      )
      .run(type, data);
    raw.close();
    const where = /stored event at position 2 \(stream campaign-x, version 2, id bad-row\)/;

    await expect(store.readStream('campaign-x')).rejects.toThrow(ValidationError);
    await expect(store.readStream('campaign-x')).rejects.toThrow(where);
    await expect(store.readAll()).rejects.toThrow(why);
    expect(await store.readAll({ limit: 1 })).toHaveLength(1);
    await store.close();
  });

  it('serialises two processes appending to one stream: every event once, no gaps', async () => {
    const path = join(folder, 'processes.db');
    const perProcess = 40;

    const results = await Promise.all([
      runAppender([path, 'shared', '1', String(perProcess)]),
      runAppender([path, 'shared', String(perProcess + 1), String(perProcess)]),
    ]);

    expect(results.map((result) => result.code)).toEqual([0, 0]);
    const store = openSqliteEventStore(path);
    const stored = await store.readStream('campaign-shared');
    await store.close();
    const rounds = stored.map((event) => (event.type === 'RoundStarted' ? event.data.round : 0));
    expect(stored.map((event) => event.metadata.version)).toEqual(
      Array.from({ length: 2 * perProcess }, (_, index) => index + 1),
    );
    expect([...rounds].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 2 * perProcess }, (_, index) => index + 1),
    );
    for (const { output } of results) {
      expect(JSON.parse(output)).toEqual({ conflicts: expect.any(Number) });
    }
  });
});
