import { describe, expect, it } from 'vitest';
import {
  classesOfGroup,
  createSimulatedPanel,
  type PairQuestionAsked,
  type SimulatedExpert,
} from '../../../client/simulated-panel';
import { NotFoundError, ValidationError } from '../../../events/errors';

type Panel = ReturnType<typeof createSimulatedPanel>;

const digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const plain = (truth: string, round = 1) => ({ round, options: digits, truth });
const pair = (sampleClass: number, a: number[], b: number[], round = 1): PairQuestionAsked => ({
  round,
  groups: [{ option: '4 (1)' }, { option: '4 (2)' }],
  sampleClass,
  groupClasses: [new Set(a), new Set(b)],
});

const expert = (expertId: string, errorRate: number, more: Partial<SimulatedExpert> = {}) => ({
  expertId,
  errorRate,
  ...more,
});

describe('the simulated panel', () => {
  it('always answers plain queries right at error rate 0', () => {
    const panel = createSimulatedPanel([expert('ann', 0)], 1);
    const answers = digits.flatMap((truth) =>
      Array.from({ length: 20 }, () => [truth, panel.answerQuery('ann', plain(truth))]),
    );
    expect(answers.filter(([truth, given]) => truth !== given)).toEqual([]);
  });

  it.each([
    { sample: 4, a: [4], b: [9], answer: '4 (1)', why: 'fits A only' },
    { sample: 9, a: [4], b: [9], answer: '4 (2)', why: 'fits B only' },
    { sample: 4, a: [4, 9], b: [4], answer: '4 (1)', why: 'fits both: A by convention' },
    { sample: 7, a: [4], b: [9], answer: 'neither', why: 'fits none' },
  ])('answers a pair question $answer when the sample $why', ({ sample, a, b, answer }) => {
    const panel = createSimulatedPanel([expert('ann', 0)], 1);
    const given = Array.from({ length: 20 }, () => panel.answerPair('ann', pair(sample, a, b)));
    expect(new Set(given)).toEqual(new Set([answer]));
  });

  it('gives the same answers for the same seed, other answers for another seed', () => {
    const answersOf = (seed: number) => {
      const panel = createSimulatedPanel([expert('ann', 0.5), expert('bob', 0.5)], seed);
      return Array.from({ length: 200 }, (_, i) => [
        panel.answerQuery(i % 2 ? 'ann' : 'bob', plain(digits[i % 10]!)),
        panel.answerPair('ann', pair(4, [4], [9])),
      ]);
    };
    expect(answersOf(7)).toEqual(answersOf(7));
    expect(answersOf(8)).not.toEqual(answersOf(7));
  });

  it('keeps the answers of an expert whatever the others were asked in between', () => {
    const experts = [expert('ann', 0.5), expert('bob', 0.5)];
    const alone = createSimulatedPanel(experts, 3);
    const busy = createSimulatedPanel(experts, 3);
    const annAlone = Array.from({ length: 50 }, () => alone.answerQuery('ann', plain('4')));
    const annBusy = Array.from({ length: 50 }, () => {
      busy.answerQuery('bob', plain('4'));
      return busy.answerQuery('ann', plain('4'));
    });
    expect(annBusy).toEqual(annAlone);
  });

  it('lets experts of one panel err independently of each other', () => {
    const panel = createSimulatedPanel([expert('ann', 0.5), expert('bob', 0.5)], 3);
    const both = Array.from({ length: 200 }, () =>
      ['ann', 'bob'].map((expertId) => panel.answerQuery(expertId, plain('4'))),
    );
    const disagreeing = both.filter(([ann, bob]) => ann !== bob).length;
    // Each errs half the time, so they differ on at least half the queries, give or take.
    expect(disagreeing).toBeGreaterThan(80);
  });

  it.each([
    { kind: 'plain', ask: (panel: Panel) => panel.answerQuery('ann', plain('4')), right: '4' },
    {
      kind: 'pair',
      ask: (panel: Panel) => panel.answerPair('ann', pair(4, [4], [9])),
      right: '4 (1)',
    },
  ])(
    'errs on 27-33% of 2,000 $kind answers at error rate 0.3, each time with another option',
    ({ ask, right }) => {
      const panel = createSimulatedPanel([expert('ann', 0.3)], 11);
      const given = Array.from({ length: 2000 }, () => ask(panel));
      const wrong = given.filter((answer) => answer !== right);

      expect(wrong.length / given.length).toBeGreaterThanOrEqual(0.27);
      expect(wrong.length / given.length).toBeLessThanOrEqual(0.33);
      expect(wrong).not.toContain(null);
    },
  );

  it('spreads wrong plain answers over every other option', () => {
    const panel = createSimulatedPanel([expert('ann', 1)], 5);
    const given = Array.from({ length: 500 }, () => panel.answerQuery('ann', plain('4')));
    expect(new Set(given)).toEqual(new Set(digits.filter((digit) => digit !== '4')));
  });

  it.each([
    { who: 'an unavailable expert', more: { available: false }, rounds: [1, 2, 3], answering: [] },
    {
      who: 'an expert unavailable from round 3',
      more: { unavailableFromRound: 3 },
      rounds: [1, 2, 3, 4],
      answering: [1, 2],
    },
  ])('gives no answer from $who', ({ more, rounds, answering }) => {
    const panel = createSimulatedPanel([expert('ann', 0, more)], 1);
    const answered = rounds.filter((round) => {
      const plainAnswer = panel.answerQuery('ann', plain('4', round));
      const pairAnswer = panel.answerPair('ann', pair(4, [4], [9], round));
      expect(plainAnswer === null).toBe(pairAnswer === null);
      return plainAnswer !== null;
    });
    expect(answered).toEqual(answering);
    expect(rounds.filter((round) => panel.isAvailable('ann', round))).toEqual(answering);
  });

  it.each([
    {
      case: 'an unknown expert',
      act: () => createSimulatedPanel([], 1).answerQuery('zoe', plain('4')),
      error: NotFoundError,
    },
    {
      case: 'a truth that is no option',
      act: () => createSimulatedPanel([expert('ann', 0)], 1).answerQuery('ann', plain('x')),
      error: ValidationError,
    },
    {
      case: 'an error rate above 1',
      act: () => createSimulatedPanel([expert('ann', 1.5)], 1),
      error: ValidationError,
    },
    {
      case: 'an expert twice',
      act: () => createSimulatedPanel([expert('ann', 0), expert('ann', 0)], 1),
      error: ValidationError,
    },
  ])('refuses $case', ({ act, error }) => {
    expect(act).toThrow(error);
  });
});

describe('classesOfGroup', () => {
  const truth = [4, 4, 4, 9, 9, 7, 4, 4, 4, 4];

  it.each([
    { pointIds: [0, 1, 2, 3, 4], minShare: undefined, classes: [4, 9] },
    { pointIds: [0, 1, 2, 6, 7, 8, 9, 3, 5], minShare: undefined, classes: [4] },
    { pointIds: [0, 1, 2, 6, 7, 8, 9, 3, 5], minShare: 0.1, classes: [4, 7, 9] },
  ])('gives $classes for points $pointIds', ({ pointIds, minShare, classes }) => {
    expect([...classesOfGroup(pointIds, truth, minShare)].sort()).toEqual(classes);
  });

  it('refuses a point beyond the truth', () => {
    expect(() => classesOfGroup([10], truth)).toThrow(
      'point 10 has no true class: the truth covers points 0..9',
    );
  });
});
