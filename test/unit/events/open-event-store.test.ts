import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../events/errors';
import { openEventStore, parseEventStoreUrl } from '../../../events/store/open';

describe('opening an event store from a URL', () => {
  it.each([
    { url: 'sqlite:.data/events.db', path: '.data/events.db' },
    { url: 'sqlite:///var/lib/events.db', path: '/var/lib/events.db' },
    { url: 'sqlite://relative/events.db', path: 'relative/events.db' },
    { url: 'sqlite::memory:', path: ':memory:' },
    { url: ':memory:', path: ':memory:' },
    { url: 'file:///var/lib/events.db', path: '/var/lib/events.db' },
    { url: '/tmp/events.db', path: '/tmp/events.db' },
    { url: 'events.db', path: 'events.db' },
  ])('$url opens the sqlite adapter on $path', ({ url, path }) => {
    expect(parseEventStoreUrl(url)).toEqual({ adapter: 'sqlite', path });
  });

  it.each([
    { url: '', error: /non-empty string/ },
    { url: 'sqlite:', error: /names no file/ },
    { url: 'postgres://127.0.0.1/events', error: /PostgreSQL adapter, which does not exist yet/ },
    { url: 'postgresql://127.0.0.1/events', error: /PostgreSQL adapter/ },
    { url: 'kurrentdb://127.0.0.1:2113', error: /KurrentDB adapter, which does not exist yet/ },
    { url: 'constructor://x', error: /unknown scheme constructor:/ },
    { url: 'mysql://127.0.0.1/events', error: /unknown scheme mysql:; use 'sqlite:<path>'/ },
  ])('$url is refused with a message matching $error', ({ url, error }) => {
    expect(() => parseEventStoreUrl(url)).toThrow(ValidationError);
    expect(() => parseEventStoreUrl(url)).toThrow(error);
  });

  it('opens a working in-memory store', async () => {
    const store = openEventStore('sqlite::memory:');
    try {
      expect(await store.streamVersion('campaign-c1')).toBe(0);
    } finally {
      await store.close();
    }
  });
});
