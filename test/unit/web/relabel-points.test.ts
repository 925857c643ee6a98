import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventStore } from '../../../events/store/event-store';
import { openEventStore } from '../../../events/store/open';
import {
  createRelabelPoints,
  type RelabelPointsInput,
} from '../../../web/src/lib/server/labelling/relabel-points';
import { campaignId, labelId, labelledCampaign } from './campaign-history';

const streamId = `campaign-${campaignId}`;
const accepted: RelabelPointsInput = {
  campaignId,
  pointIds: [5, 6, 1999],
  toLabelId: labelId(8),
  expertId: 'ben',
  reason: 'lassoed sevens',
};

describe('relabelling points as an expert', () => {
  let folder: string;
  let store: EventStore;
  let version: number;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'relabel-'));
    store = openEventStore(path.join(folder, 'events.sqlite'));
    ({ nextVersion: version } = await store.append(streamId, labelledCampaign(), {
      expectedVersion: 'no_stream',
    }));
  });

  afterEach(async () => {
    await store.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('appends a PointsRelabelled by the expert after the version it read', async () => {
    const receipt = await createRelabelPoints(store)(accepted);

    const [appended, ...more] = await store.readStream(streamId, { fromVersion: version });
    expect(more).toEqual([]);
    expect(appended?.type).toBe('PointsRelabelled');
    expect(appended?.data).toEqual({
      campaignId,
      pointIds: [5, 6, 1999],
      toLabelId: 'label-8',
      reason: 'lassoed sevens',
      by: 'expert',
      expertId: 'ben',
    });
    expect(appended?.metadata.causation).toEqual({ actor: 'ben' });
    expect(receipt).toEqual({
      eventId: appended?.metadata.eventId,
      version: version + 1,
      relabelled: 3,
    });
  });

  it('records only the points whose label changes, and refuses a change of none', async () => {
    const relabel = createRelabelPoints(store);
    await relabel({ ...accepted, pointIds: [5] });
    const receipt = await relabel(accepted);
    const [, second] = await store.readStream(streamId, { fromVersion: version });
    expect(second?.data).toMatchObject({ pointIds: [6, 1999], toLabelId: 'label-8' });
    expect(receipt.relabelled).toBe(2);

    await expect(relabel(accepted)).rejects.toThrow(
      'all 3 points already carry label label-8; nothing was written',
    );
    expect(await store.streamVersion(streamId)).toBe(version + 2);
  });

  it('records the same request sent twice on one version once', async () => {
    const relabel = createRelabelPoints(store);
    const stream = await store.readStream(streamId);
    const [first, second] = await Promise.all([relabel(accepted), relabel(accepted)]);

    expect(second).toEqual(first);
    expect(await store.streamVersion(streamId)).toBe(stream.length + 1);
  });

  it.each([
    {
      refusal: 'an unknown label',
      input: { toLabelId: 'label-99' },
      error: 'NotFoundError',
      message: `label label-99 does not exist in campaign ${campaignId}`,
    },
    {
      refusal: 'points beyond the dataset',
      input: { pointIds: [3, 2000, 2500] },
      error: 'NotFoundError',
      message:
        `points 2000, 2500 do not exist: the dataset of campaign ${campaignId} has 2000 ` +
        'points (ids 0 to 1999)',
    },
    {
      refusal: 'an empty selection',
      input: { pointIds: [] },
      error: 'ValidationError',
      message: 'no points to relabel: select at least one point',
    },
    {
      refusal: 'a negative point id',
      input: { pointIds: [4, -1] },
      error: 'ValidationError',
      message: 'point ids must be integers >= 0, got -1',
    },
    {
      refusal: 'a point listed twice',
      input: { pointIds: [4, 4] },
      error: 'ValidationError',
      message: 'point 4 is listed twice',
    },
    {
      refusal: 'an expert not on the panel',
      input: { expertId: 'zoe' },
      error: 'IllegalStateError',
      message: `expert zoe is not on the panel of campaign ${campaignId} (panel: ada, ben)`,
    },
    {
      refusal: 'an unknown campaign',
      input: { campaignId: 'nowhere' },
      error: 'NotFoundError',
      message: 'campaign nowhere does not exist',
    },
    {
      refusal: 'a blank reason',
      input: { reason: '  ' },
      error: 'ValidationError',
      message: 'a relabelling needs a reason for the audit trail, got none',
    },
    {
      refusal: 'a reason longer than the audit trail keeps',
      input: { reason: 'r'.repeat(501) },
      error: 'ValidationError',
      message: 'the reason holds 501 characters; the audit trail keeps at most 500',
    },
  ])('refuses $refusal, naming it, and appends nothing', async ({ input, error, message }) => {
    const relabel = createRelabelPoints(store);

    const refused = relabel({ ...accepted, ...input });

    await expect(refused).rejects.toThrow(message);
    await expect(refused).rejects.toHaveProperty('name', error);
    expect((await store.readAll()).length).toBe(version);
  });

  it('refuses as stale a relabelling whose stream changed after it was read', async () => {
    // Another writer (a round's activity) appends between the command's read and its append.
    const racing: EventStore = {
      ...store,
      readStream: async (id, options) => {
        const events = await store.readStream(id, options);
        await store.append(
          streamId,
          [
            {
              type: 'LabelRenamed',
              eventId: 'rename/1',
              data: { campaignId, labelId: labelId(8), name: 'seven' },
            },
          ],
          { expectedVersion: version },
        );
        return events;
      },
    };

    const refused = createRelabelPoints(racing)(accepted);

    await expect(refused).rejects.toThrow(
      `campaign ${campaignId} changed while the relabelling of 3 points to label-8 was ` +
        `checked (read at version ${version}); nothing was written: look at the label tree ` +
        'again and resend',
    );
    await expect(refused).rejects.toHaveProperty('name', 'ConcurrencyError');
    const after = await store.readStream(streamId, { fromVersion: version });
    expect(after.map(({ type }) => type)).toEqual(['LabelRenamed']);
  });
});
