import { describe, expect, it } from 'vitest';

import { pairWalkOf } from '../../../activities/labelling/pair-walk-settings';
import { ValidationError } from '../../../events/errors';
import type { QuerySettings } from '../../../workflows/campaign-input';

describe('pairWalkOf', () => {
  it('walks one jump, adaptively, when the campaign says nothing', () => {
    expect(pairWalkOf({})).toEqual({
      jumps: 1,
      sampling: 'adaptive',
      radius: { epsilon: 0.25, epsilonMin: 0.05, decay: 0.5 },
      samples: 3,
      candidates: 20,
    });
  });

  it('takes what the campaign sets', () => {
    const set = {
      pairJumps: 4,
      pairSampling: 'uncertainty' as const,
      pairRadius: { epsilon: 0.5, epsilonMin: 0.1, decay: 0.8 },
      pairSamples: 5,
      pairCandidates: 50,
    };
    expect(pairWalkOf(set)).toEqual({
      jumps: 4,
      sampling: 'uncertainty',
      radius: set.pairRadius,
      samples: 5,
      candidates: 50,
    });
  });

  it.each([
    {
      given: { pairJumps: 0 },
      message: 'queries.pairJumps: expected an integer in 1..10, received 0',
    },
    { given: { pairJumps: 1.5 }, message: 'pairJumps: expected an integer in 1..10, received 1.5' },
    { given: { pairJumps: 11 }, message: 'pairJumps: expected an integer in 1..10, received 11' },
    {
      given: { pairSampling: 'random' },
      message: `queries.pairSampling: expected 'adaptive' or 'uncertainty', received "random"`,
    },
    {
      given: { pairRadius: { epsilon: 0, epsilonMin: 0, decay: 0.5 } },
      message: 'queries.pairRadius.epsilon: expected a finite number > 0, received 0',
    },
    {
      given: { pairRadius: { epsilon: 0.2, epsilonMin: 0.3, decay: 0.5 } },
      message: 'queries.pairRadius.epsilonMin: expected a number in 0..0.2 (epsilon), received 0.3',
    },
    {
      given: { pairRadius: { epsilon: 0.2, epsilonMin: 0.1, decay: 2 } },
      message: 'queries.pairRadius.decay: expected a number in (0, 1], received 2',
    },
    { given: { pairSamples: 0 }, message: 'pairSamples: expected an integer in 1..10, received 0' },
    {
      given: { pairSamples: 5, pairCandidates: 4 },
      message: 'queries.pairCandidates: expected an integer in 5 (pairSamples)..1000, received 4',
    },
    {
      given: { pairCandidates: '20' },
      message: 'pairCandidates: expected an integer in 3 (pairSamples)..1000, received "20"',
    },
  ])('refuses $given', ({ given, message }) => {
    const walk = () => pairWalkOf(given as Partial<QuerySettings>);
    expect(walk).toThrow(ValidationError);
    expect(walk).toThrow(message);
  });
});
