import { describe, expect, it } from 'vitest';

import { decidedImages } from '../../../activities/round/score-uncertainty';
import { asRecorded, campaignFacts, campaignStory } from '../events/event-fixtures';

const facts = campaignFacts('c1');
const pairSample = facts.queryIssued(1, 'c1-pair.s1', {
  imageId: 42,
  options: ['0', '7', 'neither'],
  question: {
    kind: 'pair',
    pairId: 'c1-pair',
    position: 0.5,
    sampleHash: '0'.repeat(64),
    groups: [
      { option: '0', labelId: 'label-0', exemplarIds: [1] },
      { option: '7', labelId: 'label-7', exemplarIds: [2] },
    ],
  },
});

describe('decidedImages', () => {
  it('holds the images of plain queries a vote decided, not those of tied votes', () => {
    // The story decides image 42 as '7' and leaves image 7 undecided (expired, no answer).
    expect([...decidedImages(asRecorded(campaignStory('c1')))]).toEqual([42]);
  });

  it('leaves out images a pair sample stood near: the vote was about the sample', () => {
    const events = asRecorded([
      facts.started(),
      pairSample,
      facts.voteDecided('c1-pair.s1', '7', { '7': 2 }),
    ]);
    expect(decidedImages(events).size).toBe(0);
  });
});
