import { describe, expect, it } from 'vitest';
import { decideVote } from '../../../events/rules/majority-vote';

const answers = (...given: string[]) => given.map((answer) => ({ answer }));

describe('majority vote', () => {
  it.each([
    { given: ['4', '4', '9'], label: '4', tally: { '4': 2, '9': 1 } },
    { given: ['7'], label: '7', tally: { '7': 1 } },
    { given: ['4', '9'], label: null, tally: { '4': 1, '9': 1 } },
    { given: ['1', '1', '2', '2', '3'], label: null, tally: { '1': 2, '2': 2, '3': 1 } },
    { given: ['1', '2', '2', '3', '3', '3'], label: '3', tally: { '1': 1, '2': 2, '3': 3 } },
    { given: [], label: null, tally: {} },
  ])('decides $label from $given', ({ given, label, tally }) => {
    expect(decideVote(answers(...given))).toEqual({ label, tally });
  });
});
