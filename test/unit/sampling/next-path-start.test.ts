import { describe, expect, it } from 'vitest';

import { sampleClosestToLabel } from '../../../activities/sampling/next-path-start';
import { ValidationError } from '../../../events/errors';

/** Votes written as 'sample:answer'. */
const votes = (...given: string[]) =>
  given.map((vote) => {
    const [sample, answer] = vote.split(':');
    return { sample: Number(sample), answer: answer! };
  });

describe('sampleClosestToLabel', () => {
  it.each([
    // Shares naming 9: sample 0 1/3, sample 1 2/2, sample 2 0/1.
    { given: votes('0:4', '0:4', '0:9', '1:9', '1:9', '2:4'), chosen: 1 },
    // Equal shares 1/1 and 2/2: more votes for 9 wins.
    { given: votes('0:9', '1:9', '1:9'), chosen: 1 },
    // Equal shares and counts: the lower index.
    { given: votes('2:9', '1:9', '1:4', '2:neither'), chosen: 1 },
    // "neither" dilutes a share like any other answer: 2/3 beats 1/2.
    { given: votes('0:9', '0:4', '1:9', '1:9', '1:neither'), chosen: 1 },
    // Nobody said 9: no sample leads on.
    { given: votes('0:4', '1:neither'), chosen: null },
    { given: votes(), chosen: null },
  ])('chooses sample $chosen', ({ given, chosen }) => {
    expect(sampleClosestToLabel(given, '9', 3)).toBe(chosen);
  });

  it('refuses a vote for a sample the jump does not have', () => {
    expect(() => sampleClosestToLabel(votes('3:9'), '9', 3)).toThrow(ValidationError);
    expect(() => sampleClosestToLabel(votes('3:9'), '9', 3)).toThrow(/0\.\.2, received 3/);
  });
});
