import { describe, expect, it } from 'vitest';

import type { EventData } from '../../../events/catalog';
import { nextPathStart, walkSeed, walkStarts } from '../../../activities/labelling/pair-walk';
import { hashOf } from '../events/event-fixtures';

const queryIds = ['p.s1', 'p.s2', 'p.s3'];
const jumpQueries = queryIds.map((queryId) => ({ queryId }));

/** Answers written as 'query:answer', the query by its sample number. */
const answers = (...given: string[]) =>
  given.map((each) => {
    const [sample, answer] = each.split(':');
    return { queryId: `p.s${sample}`, answer: answer! };
  });

describe('nextPathStart', () => {
  it.each([
    { case: 'the sample most answered B', given: answers('1:4', '2:9', '2:9', '3:9', '3:4'), s: 2 },
    { case: 'the larger share over more votes', given: answers('1:9', '3:9', '3:9', '3:4'), s: 1 },
    { case: 'the first of equal shares and counts', given: answers('3:9', '2:9'), s: 2 },
    {
      case: 'a sample B-ward despite neither votes',
      given: answers('1:4', '3:neither', '3:9'),
      s: 3,
    },
    { case: 'none when nobody answered B', given: answers('1:4', '2:neither', '3:4'), s: null },
    { case: 'none without answers', given: answers(), s: null },
  ])('starts the next path at $case', ({ given, s }) => {
    const start = nextPathStart(jumpQueries, given, '9');
    expect(start?.queryId ?? null).toBe(s === null ? null : `p.s${s}`);
  });

  it("ignores answers to other jumps' and pairs' queries", () => {
    const elsewhere = [
      { queryId: 'q.s1', answer: '9' },
      { queryId: 'p.j1.s1', answer: '9' },
    ];
    expect(nextPathStart(jumpQueries, [...elsewhere, ...answers('1:4')], '9')).toBeNull();
    expect(nextPathStart(jumpQueries, [...elsewhere, ...answers('3:9')], '9')?.queryId).toBe(
      'p.s3',
    );
  });
});

const round = 1;

const pairFound = (pairId: string) => ({
  type: 'CollisionDetected' as const,
  data: {
    campaignId: 'c',
    round,
    pairId,
    kind: 'labels-collide',
    groups: [
      { labelId: 'label-1', pointIds: [1] },
      { labelId: 'label-2', pointIds: [2] },
    ],
  } satisfies EventData<'CollisionDetected'>,
});

const asked = (pairId: string, queryId: string, imageId: number, jump?: number) => ({
  type: 'QueryIssued' as const,
  data: {
    campaignId: 'c',
    round,
    queryId,
    imageId,
    options: ['4', '9', 'neither'],
    experts: ['ada'],
    quorum: 1,
    deadline: '2026-12-04T00:00:00.000Z',
    question: {
      kind: 'pair',
      pairId,
      position: 0.5,
      sampleHash: hashOf(queryId),
      groups: [
        { option: '4', labelId: 'label-1', exemplarIds: [1] },
        { option: '9', labelId: 'label-2', exemplarIds: [2] },
      ],
      ...(jump === undefined ? {} : { jump }),
    },
  } satisfies EventData<'QueryIssued'>,
});

const answered = (queryId: string, answer: string, expertId = 'ada') => ({
  type: 'AnswerRecorded' as const,
  data: { campaignId: 'c', queryId, expertId, answer },
});

describe('walkStarts', () => {
  const facts = [
    pairFound('a'),
    pairFound('b'),
    pairFound('c'),
    ...['a.s1', 'a.s2', 'a.s3'].map((id, i) => asked('a', id, 10 + i)),
    ...['b.s4', 'b.s5', 'b.s6'].map((id, i) => asked('b', id, 20 + i)),
    ...['c.s7', 'c.s8', 'c.s9'].map((id, i) => asked('c', id, 30 + i)),
    answered('a.s2', '9'),
    answered('a.s3', '9'),
    answered('a.s3', '4', 'ben'),
    answered('b.s4', '4'),
    answered('b.s5', 'neither'),
    answered('c.s9', '9'),
    ...['a.j1.s1', 'a.j1.s2'].map((id, i) => asked('a', id, 40 + i, 1)),
    ...['c.j1.s1', 'c.j1.s2'].map((id, i) => asked('c', id, 50 + i, 1)),
    answered('c.j1.s2', '9'),
  ];

  it('goes on from the sample placed closest to B, for pairs someone placed one toward B', () => {
    const starts = walkStarts(facts, round, 1);
    expect(starts.map(({ pair, from }) => [pair.pairId, from.queryId, from.imageId])).toEqual([
      ['a', 'a.s2', 11],
      ['c', 'c.s9', 32],
    ]);
  });

  it('reads the jump before the one planned, and ends walks nobody pointed on', () => {
    expect(walkStarts(facts, round, 2).map(({ from }) => from.queryId)).toEqual(['c.j1.s2']);
    expect(walkStarts(facts, round, 3)).toEqual([]);
  });

  it('plans nothing for the pairs of another round', () => {
    expect(walkStarts(facts, round + 1, 1)).toEqual([]);
  });
});

describe('walkSeed', () => {
  it('is the same for a pair and jump on every call, and differs between jumps and pairs', () => {
    expect(walkSeed('c.r1.p1', 1)).toBe(walkSeed('c.r1.p1', 1));
    const seeds = new Set([
      walkSeed('c.r1.p1', 1),
      walkSeed('c.r1.p1', 2),
      walkSeed('c.r1.p2', 1),
      walkSeed('c.r2.p1', 1),
    ]);
    expect(seeds.size).toBe(4);
    for (const seed of seeds) expect(Number.isInteger(seed) && seed >= 0).toBe(true);
  });
});
