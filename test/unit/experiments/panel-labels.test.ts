import { describe, expect, it } from 'vitest';

import { createSimulatedPanel } from '../../../client/simulated-panel';
import { panelLabels } from '../../../scripts/queried-share/panel-labels';

const truth = [3, 8, 5, 0, 9, 4];

describe('panelLabels', () => {
  it('labels each image with the true digit when the panel makes no mistakes', () => {
    const panel = createSimulatedPanel(
      [
        { expertId: 'ada', errorRate: 0 },
        { expertId: 'ben', errorRate: 0 },
      ],
      1,
    );
    expect([...panelLabels(panel, 1, [1, 4, 5], truth)]).toEqual([
      [1, 8],
      [4, 9],
      [5, 4],
    ]);
  });

  it('follows the majority over a dissenting expert, who is always wrong', () => {
    const panel = createSimulatedPanel(
      [
        { expertId: 'ada', errorRate: 0 },
        { expertId: 'ben', errorRate: 0 },
        { expertId: 'cy', errorRate: 1 },
      ],
      1,
    );
    expect(panelLabels(panel, 1, [0, 1, 2, 3], truth)).toEqual(
      new Map([
        [0, 3],
        [1, 8],
        [2, 5],
        [3, 0],
      ]),
    );
  });

  it('leaves an image unlabelled when the vote ties, and ignores an unavailable expert', () => {
    const panel = createSimulatedPanel(
      [
        { expertId: 'ada', errorRate: 0 },
        { expertId: 'cy', errorRate: 1 },
        { expertId: 'dan', errorRate: 0, available: false },
      ],
      1,
    );
    expect(panelLabels(panel, 1, [0, 1, 2], truth).size).toBe(0);
  });
});
