import { describe, expect, it } from 'vitest';
import type { EventData } from '../../../events/catalog';
import { pairLines } from '../../../scripts/fused-labels/report';

describe('pairLines', () => {
  const names: Record<string, string> = { l49: '4|9', l1a: '1a', l1b: '1b' };
  const nameOf = (labelId: string) => names[labelId] ?? labelId;
  const pairs: EventData<'CollisionDetected'>[] = [
    {
      campaignId: 'c',
      round: 1,
      pairId: 'c.r1.p1',
      kind: 'label-spread',
      groups: [
        { labelId: 'l49', clusterId: 3, pointIds: [1, 2] },
        { labelId: 'l49', clusterId: 7, pointIds: [3] },
      ],
    },
    {
      campaignId: 'c',
      round: 2,
      pairId: 'c.r2.p1',
      kind: 'labels-collide',
      groups: [
        { labelId: 'l1a', pointIds: [4] },
        { labelId: 'l1b', pointIds: [5, 6, 8] },
      ],
    },
  ];

  it('names the labels, why they were asked, the decision and the change it made', () => {
    const decided: EventData<'PairDecided'>[] = [
      { campaignId: 'c', round: 1, pairId: 'c.r1.p1', decision: 'different', voteQueryIds: [] },
    ];
    const lines = pairLines(pairs, decided, new Map([['c.r1.p1', 'split into 2']]), nameOf);

    expect(lines).toEqual([
      '- round 1, c.r1.p1: 4|9 spread over clusters 3 and 7 (2 / 1 points): different, ' +
        'split into 2',
      '- round 2, c.r2.p1: 1a and 1b collide (1 / 3 points): not decided',
    ]);
  });
});
