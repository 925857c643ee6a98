import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewEvent, RecordedEvent } from '../../../events/catalog';
import { ConcurrencyError, IllegalStateError, ValidationError } from '../../../events/errors';
import type { EventStore, ExpectedVersion } from '../../../events/store/event-store';
import { campaignFacts } from '../../unit/events/event-fixtures';
import { waitUntil } from './wait-until';

/** A campaign no other test touches, with its stream id and event builders. */
function freshCampaign() {
  const campaignId = `c-${randomUUID().slice(0, 8)}`;
  return { campaignId, streamId: `campaign-${campaignId}`, facts: campaignFacts(campaignId) };
}

const idsOf = (events: readonly RecordedEvent[]) => events.map((event) => event.metadata.eventId);

/** Replaces one field of an event's data with something the catalogue refuses. */
function withData(event: NewEvent, data: Record<string, unknown>): NewEvent {
  return { ...event, data: { ...event.data, ...data } } as NewEvent;
}

/**
 * The behaviour every EventStore adapter must show. `openStore` opens a new connection to one
 * shared store on every call; tests keep apart by using their own streams and by reading
 * positions relative to what they appended, so the store need not be empty.
 */
export function runEventStoreContract(openStore: () => EventStore): void {
  let writer: EventStore;
  let reader: EventStore;

  beforeAll(() => {
    writer = openStore();
    reader = openStore();
  });
  afterAll(async () => {
    await writer.close();
    await reader.close();
  });

  /** Everything appended to the whole store after a position, read by the other connection. */
  const appendedAfter = (position: number) => reader.readAll({ fromPosition: position });

  describe('appending and reading', () => {
    it('stores a batch with consecutive versions and positions and reads it back', async () => {
      const { streamId, facts } = freshCampaign();
      const causation = { workflowId: 'campaign-x', runId: 'run-1', activity: 'startCampaign' };
      const batch = [
        { ...facts.started(), causation },
        facts.datasetRegistered(),
        facts.roundStarted(1),
      ];

      const result = await writer.append(streamId, batch, { expectedVersion: 'no_stream' });
      const stored = await reader.readStream(streamId);

      expect(result).toEqual({
        streamId,
        nextVersion: 3,
        lastPosition: expect.any(Number),
        duplicate: false,
      });
      expect(stored.map(({ type, data }) => ({ type, data }))).toEqual(
        batch.map(({ type, data }) => ({ type, data })),
      );
      expect(stored.map((event) => event.metadata)).toEqual(
        batch.map((event, index) => ({
          eventId: event.eventId,
          streamId,
          version: index + 1,
          position: result.lastPosition - 2 + index,
          recordedAt: stored[0]?.metadata.recordedAt,
          ...(index === 0 ? { causation } : {}),
        })),
      );
      const recordedAt = stored[0]?.metadata.recordedAt ?? '';
      expect(new Date(recordedAt).toISOString()).toBe(recordedAt);
      expect(await reader.streamVersion(streamId)).toBe(3);
    });

    it('stores the data as the catalogue parsed it, defaults filled in', async () => {
      const { campaignId, streamId, facts } = freshCampaign();
      const withoutOffset = {
        ...facts.datasetRegistered(),
        data: { ...facts.datasetRegistered().data, source: { kind: 'mnist', count: 2000 } },
      } as NewEvent;

      await writer.append(streamId, [withoutOffset], { expectedVersion: 'no_stream' });
      const [stored] = await reader.readStream(streamId);

      expect(stored?.data).toMatchObject({ campaignId, source: { kind: 'mnist', offset: 0 } });
    });

    it('reads a stream after a version', async () => {
      const { streamId, facts } = freshCampaign();
      const rounds = [1, 2, 3, 4, 5].map((round) => facts.roundStarted(round));
      await writer.append(streamId, rounds, { expectedVersion: 'no_stream' });

      const versionsAfter = async (fromVersion: number) =>
        (await reader.readStream(streamId, { fromVersion })).map((e) => e.metadata.version);

      expect(await versionsAfter(0)).toEqual([1, 2, 3, 4, 5]);
      expect(await versionsAfter(3)).toEqual([4, 5]);
      expect(await versionsAfter(5)).toEqual([]);
    });

    it('reads an unknown stream as empty at version 0', async () => {
      const { streamId } = freshCampaign();

      expect(await reader.readStream(streamId)).toEqual([]);
      expect(await reader.streamVersion(streamId)).toBe(0);
    });

    it('reads every stream after a position, in position order, up to a limit', async () => {
      const a = freshCampaign();
      const b = freshCampaign();
      const first = await writer.append(a.streamId, [a.facts.started(), a.facts.roundStarted(1)], {
        expectedVersion: 'no_stream',
      });
      await writer.append(b.streamId, [b.facts.started()], { expectedVersion: 'no_stream' });
      await writer.append(a.streamId, [a.facts.roundStarted(2)], { expectedVersion: 2 });
      const before = first.lastPosition - 2;

      const all = await reader.readAll({ fromPosition: before });
      const page = await reader.readAll({ fromPosition: before + 1, limit: 2 });

      expect(all.map((event) => [event.metadata.streamId, event.type])).toEqual([
        [a.streamId, 'CampaignStarted'],
        [a.streamId, 'RoundStarted'],
        [b.streamId, 'CampaignStarted'],
        [a.streamId, 'RoundStarted'],
      ]);
      expect(all.map((event) => event.metadata.position)).toEqual(
        [1, 2, 3, 4].map((n) => before + n),
      );
      expect(page.map((event) => event.metadata.position)).toEqual([before + 2, before + 3]);
    });
  });

  describe('expected version', () => {
    it.each<{ name: string; existing: number; expected: ExpectedVersion; refusal?: RegExp }>([
      { name: 'no_stream on a new stream', existing: 0, expected: 'no_stream' },
      { name: '0 on a new stream', existing: 0, expected: 0 },
      { name: 'any on a new stream', existing: 0, expected: 'any' },
      { name: 'the current version', existing: 2, expected: 2 },
      { name: 'any on an existing stream', existing: 2, expected: 'any' },
      {
        name: 'a stale version',
        existing: 2,
        expected: 1,
        refusal: /^stream campaign-c-\w+ was expected at version 1, but it is at version 2$/,
      },
      {
        name: 'a version ahead of the stream',
        existing: 2,
        expected: 3,
        refusal: /was expected at version 3, but it is at version 2/,
      },
      {
        name: 'a version on a stream that does not exist',
        existing: 0,
        expected: 1,
        refusal: /was expected at version 1, but it is at version 0/,
      },
      {
        name: 'no_stream on an existing stream',
        existing: 2,
        expected: 'no_stream',
        refusal: /was expected not to exist, but it is at version 2/,
      },
    ])('$name: refused when stale, nothing written', async ({ existing, expected, refusal }) => {
      const { streamId, facts } = freshCampaign();
      const earlier = [facts.started(), facts.datasetRegistered()].slice(0, existing);
      if (earlier.length > 0) {
        await writer.append(streamId, earlier, { expectedVersion: 'no_stream' });
      }

      const append = writer.append(streamId, [facts.roundStarted(1)], {
        expectedVersion: expected,
      });

      if (refusal) {
        await expect(append).rejects.toThrow(ConcurrencyError);
        await expect(append).rejects.toThrow(refusal);
        expect(await reader.streamVersion(streamId)).toBe(existing);
      } else {
        await expect(append).resolves.toMatchObject({ nextVersion: existing + 1 });
      }
    });

    it.each([-1, 1.5, 'latest', undefined, null])(
      'an expected version of %s is invalid',
      async (expectedVersion) => {
        const { streamId, facts } = freshCampaign();
        const append = writer.append(streamId, [facts.started()], {
          expectedVersion: expectedVersion as ExpectedVersion,
        });

        await expect(append).rejects.toThrow(ValidationError);
        await expect(append).rejects.toThrow(/expected version must be .*got/);
      },
    );

    it('lets exactly one of two writers with the same expected version win', async () => {
      const { streamId, facts } = freshCampaign();
      await writer.append(streamId, [facts.started()], { expectedVersion: 'no_stream' });
      const version = await reader.streamVersion(streamId);

      const outcomes = await Promise.allSettled([
        writer.append(streamId, [facts.paused('by writer')], { expectedVersion: version }),
        reader.append(streamId, [facts.paused('by reader')], { expectedVersion: version }),
      ]);

      const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const lost = outcomes.flatMap((outcome) =>
        outcome.status === 'rejected' ? [outcome.reason as Error] : [],
      );
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]).toBeInstanceOf(ConcurrencyError);
      expect(lost[0]?.message).toMatch(/expected at version 1, but it is at version 2/);
      const stored = await reader.readStream(streamId);
      expect(stored.map((event) => event.metadata.version)).toEqual([1, 2]);
      expect(stored[1]?.type).toBe('CampaignPaused');
    });
  });

  describe('idempotency by event id', () => {
    it('treats a re-sent batch as a no-op returning its first result, even if stale', async () => {
      const { streamId, facts } = freshCampaign();
      const batch = [facts.started(), facts.datasetRegistered()];
      const first = await writer.append(streamId, batch, { expectedVersion: 'no_stream' });
      await writer.append(streamId, [facts.roundStarted(1)], { expectedVersion: 2 });
      const before = await reader.readStream(streamId);

      const retried = await reader.append(streamId, batch, { expectedVersion: 'no_stream' });

      expect(retried).toEqual({ ...first, duplicate: true });
      expect(await reader.readStream(streamId)).toEqual(before);
      expect(idsOf(await appendedAfter(first.lastPosition))).toEqual([
        facts.roundStarted(1).eventId,
      ]);
    });

    it('treats a re-sent event with a different causation as the same fact', async () => {
      const { streamId, facts } = freshCampaign();
      const started = { ...facts.started(), causation: { runId: 'run-1' } };
      const first = await writer.append(streamId, [started], { expectedVersion: 'no_stream' });

      const retried = await writer.append(
        streamId,
        [{ ...started, causation: { runId: 'run-2' } }],
        { expectedVersion: 0 },
      );

      expect(retried).toEqual({ ...first, duplicate: true });
      expect((await reader.readStream(streamId))[0]?.metadata.causation).toEqual({
        runId: 'run-1',
      });
    });

    it('treats one re-sent event of an earlier batch as a no-op at its own version', async () => {
      const { streamId, facts } = freshCampaign();
      const first = await writer.append(
        streamId,
        [facts.started(), facts.datasetRegistered(), facts.roundStarted(1)],
        { expectedVersion: 'no_stream' },
      );

      const retried = await writer.append(streamId, [facts.datasetRegistered()], {
        expectedVersion: 1,
      });

      expect(retried).toEqual({
        streamId,
        nextVersion: 2,
        lastPosition: first.lastPosition - 1,
        duplicate: true,
      });
    });

    type Campaign = ReturnType<typeof freshCampaign>;
    it.each<{
      name: string;
      attempt: (own: Campaign, elsewhere: Campaign) => [string, NewEvent[]];
      error: new (message: string) => Error;
      refusal: RegExp;
    }>([
      {
        name: 'a batch mixing a stored id with new ones',
        attempt: (own) => [own.streamId, [own.facts.started(), own.facts.roundStarted(1)]],
        error: ConcurrencyError,
        refusal:
          /mixes already stored event ids \(c-\w+\/started\) with new ones \(c-\w+\/1\/started\)/,
      },
      {
        name: 'an id stored in another stream',
        attempt: (own, elsewhere) => [elsewhere.streamId, [own.facts.started()]],
        error: ValidationError,
        refusal:
          /event id c-\w+\/started is already stored in stream campaign-c-\w+ \(version 1\), not/,
      },
      {
        name: 'an id stored with different content',
        attempt: (own) => [own.streamId, [own.facts.started({ name: 'Renamed' })]],
        error: ValidationError,
        refusal: /event id c-\w+\/started is already stored .* as a different fact: .*"Renamed"/,
      },
    ])('refuses $name, naming the id, and writes nothing', async ({ attempt, error, refusal }) => {
      const own = freshCampaign();
      const first = await writer.append(own.streamId, [own.facts.started()], {
        expectedVersion: 'no_stream',
      });
      const [streamId, batch] = attempt(own, freshCampaign());

      const append = writer.append(streamId, batch, { expectedVersion: 'any' });

      await expect(append).rejects.toThrow(error);
      await expect(append).rejects.toThrow(refusal);
      expect(await appendedAfter(first.lastPosition)).toEqual([]);
    });
  });

  describe('validation', () => {
    const { facts } = freshCampaign();
    const started = facts.started();

    it.each<{ name: string; malformed: unknown; refusal: RegExp }>([
      {
        name: 'a missing field',
        malformed: { ...started, data: { ...started.data, name: undefined } },
        refusal: /malformed CampaignStarted event c-\w+\/started: name: Required/,
      },
      {
        name: 'a field of the wrong type',
        malformed: withData(started, { rounds: 'two' }),
        refusal: /malformed CampaignStarted event c-\w+\/started: rounds: Expected number/,
      },
      {
        name: 'a value out of range',
        malformed: withData(facts.clustersAssigned(1, 0.8), { accuracy: 1.5 }),
        refusal: /malformed ClustersAssigned event c-\w+\/1\/clusters: accuracy:/,
      },
      {
        name: 'a field the catalogue does not know',
        malformed: withData(started, { colour: 'red' }),
        refusal: /malformed CampaignStarted event .*Unrecognized key.*colour/,
      },
      {
        name: 'a malformed hash',
        malformed: withData(facts.modelTrained(1), { weightsHash: 'abc' }),
        refusal: /malformed ModelTrained event .*weightsHash/,
      },
      {
        name: 'an unknown event type',
        malformed: { ...started, type: 'CampaignDeleted' },
        refusal: /unknown event type "CampaignDeleted" for event c-\w+\/started/,
      },
      {
        name: 'an empty event id',
        malformed: { ...started, eventId: '' },
        refusal: /event id must be a non-empty string/,
      },
      {
        name: 'a malformed causation',
        malformed: { ...started, causation: { actor: '' } },
        refusal: /malformed causation of CampaignStarted event c-\w+\/started: actor:/,
      },
      {
        name: 'something that is not an event',
        malformed: null,
        refusal: /event 1 of the batch for stream campaign-c-\w+ must be an object, got null/,
      },
      {
        name: 'an event id used twice in one batch',
        malformed: facts.roundStarted(1),
        refusal: /event id c-\w+\/1\/started appears twice in the batch/,
      },
    ])('refuses a batch holding $name and writes nothing', async ({ malformed, refusal }) => {
      const own = freshCampaign();
      const last = await writer.append(own.streamId, [own.facts.started()], {
        expectedVersion: 'no_stream',
      });
      const { streamId } = freshCampaign();
      const batch = [facts.roundStarted(1), malformed] as NewEvent[];

      const append = writer.append(streamId, batch, { expectedVersion: 'no_stream' });

      await expect(append).rejects.toThrow(ValidationError);
      await expect(append).rejects.toThrow(refusal);
      expect(await reader.streamVersion(streamId)).toBe(0);
      expect(await appendedAfter(last.lastPosition)).toEqual([]);
    });

    it.each<{ name: string; call: (store: EventStore) => Promise<unknown>; refusal: RegExp }>([
      {
        name: 'an empty batch',
        call: (store) => store.append('campaign-x', [], { expectedVersion: 'any' }),
        refusal: /needs a non-empty array of events, got \[\]/,
      },
      {
        name: 'an empty stream id',
        call: (store) => store.append('', [started], { expectedVersion: 'any' }),
        refusal: /stream id must be a non-empty string, got ""/,
      },
      {
        name: 'a negative position',
        call: (store) => store.readAll({ fromPosition: -1 }),
        refusal: /fromPosition must be a non-negative integer, got -1/,
      },
      {
        name: 'a zero limit',
        call: (store) => store.readAll({ limit: 0 }),
        refusal: /limit must be a positive integer, got 0/,
      },
      {
        name: 'a fractional version',
        call: (store) => store.readStream('campaign-x', { fromVersion: 0.5 }),
        refusal: /fromVersion must be a non-negative integer, got 0.5/,
      },
    ])('refuses $name', async ({ call, refusal }) => {
      await expect(call(writer)).rejects.toThrow(ValidationError);
      await expect(call(writer)).rejects.toThrow(refusal);
    });
  });

  describe('subscriptions', () => {
    it('delivers the backlog, then live events appended through another connection', async () => {
      const { streamId, facts } = freshCampaign();
      const first = await writer.append(streamId, [facts.started(), facts.datasetRegistered()], {
        expectedVersion: 'no_stream',
      });
      const received: RecordedEvent[] = [];
      const subscription = reader.subscribe(first.lastPosition - 2, (event) => {
        received.push(event);
      });

      await waitUntil(() => received.length === 2, 'the backlog');
      await writer.append(streamId, [facts.roundStarted(1)], { expectedVersion: 2 });
      await writer.append(streamId, [facts.modelTrained(1)], { expectedVersion: 3 });
      await waitUntil(() => received.length === 4, 'the live events');
      await subscription.close();

      expect(received).toEqual(await writer.readStream(streamId));
      expect(received.map((event) => event.metadata.version)).toEqual([1, 2, 3, 4]);
    });

    it('delivers only events after the position it starts from', async () => {
      const { streamId, facts } = freshCampaign();
      const first = await writer.append(streamId, [facts.started(), facts.datasetRegistered()], {
        expectedVersion: 'no_stream',
      });
      const received: string[] = [];
      const subscription = reader.subscribe(first.lastPosition - 1, (event) => {
        received.push(event.metadata.eventId);
      });

      await writer.append(streamId, [facts.roundStarted(1)], { expectedVersion: 2 });
      await waitUntil(() => received.length === 2, 'two events');
      await subscription.close();

      expect(received).toEqual([facts.datasetRegistered().eventId, facts.roundStarted(1).eventId]);
    });

    it('waits for an asynchronous handler before delivering the next event', async () => {
      const { streamId, facts } = freshCampaign();
      const first = await writer.append(
        streamId,
        [facts.started(), facts.datasetRegistered(), facts.roundStarted(1)],
        { expectedVersion: 'no_stream' },
      );
      const log: string[] = [];
      const subscription = reader.subscribe(first.lastPosition - 3, async (event) => {
        log.push(`begin ${event.metadata.version}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        log.push(`end ${event.metadata.version}`);
      });

      await waitUntil(() => log.length === 6, 'three handled events');
      await subscription.close();

      expect(log).toEqual(['begin 1', 'end 1', 'begin 2', 'end 2', 'begin 3', 'end 3']);
    });

    it('stops delivering after close', async () => {
      const { streamId, facts } = freshCampaign();
      const first = await writer.append(streamId, [facts.started()], {
        expectedVersion: 'no_stream',
      });
      const closed: string[] = [];
      const open: string[] = [];
      const closing = reader.subscribe(first.lastPosition - 1, (e) => {
        closed.push(e.metadata.eventId);
      });
      await waitUntil(() => closed.length === 1, 'the first event');
      await closing.close();
      await closing.done;

      await writer.append(streamId, [facts.roundStarted(1)], { expectedVersion: 1 });
      const watching = reader.subscribe(first.lastPosition - 1, (e) => {
        open.push(e.metadata.eventId);
      });
      await waitUntil(() => open.length === 2, 'both events on a second subscription');
      await watching.close();

      expect(closed).toEqual([facts.started().eventId]);
    });

    it('stops with the handler’s error and delivers nothing after it', async () => {
      const { streamId, facts } = freshCampaign();
      const first = await writer.append(
        streamId,
        [facts.started(), facts.datasetRegistered(), facts.roundStarted(1)],
        { expectedVersion: 'no_stream' },
      );
      const handled: number[] = [];
      const subscription = reader.subscribe(first.lastPosition - 3, (event) => {
        handled.push(event.metadata.version);
        if (event.metadata.version === 2) throw new Error('projection bug at version 2');
      });

      await expect(subscription.done).rejects.toThrow('projection bug at version 2');
      await subscription.close();

      expect(handled).toEqual([1, 2]);
    });
  });

  describe('closing', () => {
    it('refuses calls on a closed store and closes its subscriptions', async () => {
      const store = openStore();
      const subscription = store.subscribe(0, () => undefined);

      await store.close();
      await store.close();

      await expect(subscription.done).resolves.toBeUndefined();
      await expect(store.streamVersion('campaign-x')).rejects.toThrow(IllegalStateError);
      await expect(store.readAll()).rejects.toThrow(/is closed/);
      expect(() => store.subscribe(0, () => undefined)).toThrow(IllegalStateError);
    });
  });
}
