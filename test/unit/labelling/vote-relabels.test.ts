import { describe, expect, it } from 'vitest';
import { voteRelabels } from '../../../activities/labelling/vote-relabels';
import { asRecorded } from '../events/event-fixtures';
import { facts, seededCampaign } from './label-story';

// Round 1 asks about images 10 and 11 with the tree's labels as answers; both votes are in.
const asked = [
  ...seededCampaign,
  facts.queryIssued(1, 'q1', { imageId: 10, options: ['4', '9', '3/5/8', '7'] }),
  facts.queryIssued(1, 'q2', { imageId: 11, options: ['4', '9', '3/5/8', '7'] }),
  facts.answerRecorded('q1', 'alice', '9'),
  facts.answerRecorded('q1', 'bob', '9'),
  facts.voteDecided('q1', '9', { '9': 2 }),
  facts.answerRecorded('q2', 'alice', '7'),
  facts.voteDecided('q2', '7', { '7': 1 }),
];
const moves = (events: typeof asked) =>
  voteRelabels(asRecorded(events), 'c1', 1).map(({ data, causation }) => [
    data.pointIds,
    data.toLabelId,
    causation?.actor,
  ]);

describe('voteRelabels', () => {
  it("moves each voted image to the label of the winning name, in the voters' names", () => {
    expect(moves(asked)).toEqual([
      [[10], 'l9', 'alice, bob'],
      [[11], 'l7', 'alice'],
    ]);
  });

  it('still moves images voted to a label the same round merged under a new parent', () => {
    const merged = facts.labelsMerged(['l4', 'l9'], 'p1.1', '4 + 9', { voteQueryIds: ['p'] });

    expect(moves([...asked, merged])).toEqual([
      [[10], 'l9', 'alice, bob'],
      [[11], 'l7', 'alice'],
    ]);
  });

  it('moves nothing for an image that already carries the label voted', () => {
    const already = facts.pointsRelabelled([10], 'l9', 'olga', 'by hand');

    expect(moves([...asked, already])).toEqual([[[11], 'l7', 'alice']]);
  });
});
