import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventStore } from '../../../events/store/event-store';
import { openEventStore } from '../../../events/store/open';
import { followEventStore, type LiveReadModel } from '../../../web/src/lib/server/live-read-model';
import { silentLogger } from '../../../web/src/lib/server/logger';
import {
  campaignId,
  campaignInFirstRound,
  measuredRound,
  roundCompleted,
} from './campaign-history';

const streamId = `campaign-${campaignId}`;

describe('live read model', () => {
  let store: EventStore;
  let readModel: LiveReadModel | undefined;

  afterEach(async () => {
    await readModel?.close();
    await store.close();
  });

  it('starts caught up with every event stored before it', async () => {
    store = openEventStore('sqlite::memory:');
    const history = campaignInFirstRound();
    await store.append(streamId, history, { expectedVersion: 'no_stream' });

    readModel = await followEventStore(store, silentLogger);

    expect(readModel.position()).toBe(history.length);
    expect(readModel.campaign(campaignId)?.rounds.map(({ accuracy }) => accuracy)).toEqual([
      0.8123,
    ]);
  });

  it('shows events appended after it started, in store order', async () => {
    store = openEventStore('sqlite::memory:');
    await store.append(streamId, campaignInFirstRound(), { expectedVersion: 'no_stream' });
    readModel = await followEventStore(store, silentLogger);

    const version = await store.streamVersion(streamId);
    await store.append(streamId, [roundCompleted(1, 0.85), ...measuredRound(2, 0.9)], {
      expectedVersion: version,
    });

    await vi.waitFor(() => expect(readModel?.position()).toBe(version + 5));
    const rounds = readModel.campaign(campaignId)?.rounds;
    expect(rounds?.map(({ round, status, accuracy }) => [round, status, accuracy])).toEqual([
      [1, 'completed', 0.85],
      [2, 'running', 0.9],
    ]);
  });
});
