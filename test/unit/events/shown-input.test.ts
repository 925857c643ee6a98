import { describe, expect, it } from 'vitest';

import { refuseAnswer } from '../../../events/rules/answer-rules';
import { shownInput } from '../../../events/rules/shown-input';

const query = {
  queryId: 'q1',
  status: 'open' as const,
  experts: ['ada', 'ben'],
  options: ['3', '5'],
  answers: [],
};

describe('input quoted in a refusal', () => {
  it('shows ids bare, and anything else quoted and cut', () => {
    expect(shownInput('mnist-demo.r1.q1')).toBe('mnist-demo.r1.q1');
    expect(shownInput('')).toBe('""');
    expect(shownInput('ada lovelace')).toBe('"ada lovelace"');
    expect(shownInput('x'.repeat(5000))).toBe(`"${'x'.repeat(40)}…" (5000 characters)`);
  });

  it('refuses an empty expert id as such, and cuts a pasted one', () => {
    expect(refuseAnswer(query, { queryId: 'q1', expertId: ' ', answer: '3' })).toEqual({
      code: 'VALIDATION',
      message: 'expert id is empty: say who answers',
    });
    const pasted = 'z'.repeat(1000);
    expect(refuseAnswer(query, { queryId: 'q1', expertId: pasted, answer: '3' })?.message).toBe(
      `expert "${'z'.repeat(40)}…" (1000 characters) is not on the panel of query q1 ` +
        '(panel: ada, ben)',
    );
  });
});
