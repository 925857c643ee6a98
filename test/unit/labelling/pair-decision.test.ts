import { describe, expect, it } from 'vitest';
import {
  decidePair,
  voteOfOption,
  type PairDecision,
  type PairVote,
} from '../../../activities/labelling/pair-decision';
import { ValidationError } from '../../../events/errors';
import { decideVote } from '../../../events/rules/majority-vote';

/** Votes at the default positions 0.25, 0.5, 0.75 (or evenly spread for other lengths). */
const along = (...votes: PairVote[]) =>
  votes.map((vote, i) => ({ position: (i + 1) / (votes.length + 1), vote }));

const cases: { votes: PairVote[]; decision: PairDecision; why: string }[] = [
  { votes: ['A', 'A', 'A'], decision: 'same', why: 'A all along the path' },
  { votes: ['A', 'A', 'B'], decision: 'different', why: 'one boundary near B' },
  { votes: ['A', 'B', 'B'], decision: 'different', why: 'one boundary near A' },
  { votes: ['A', 'neither', 'B'], decision: 'different', why: 'a boundary with a blur' },
  { votes: ['A', null, 'B'], decision: 'different', why: 'a tie between two sides' },
  { votes: [null, 'A', 'B'], decision: 'different', why: 'the nearest decided ends' },
  { votes: ['neither', 'neither', 'B'], decision: 'third-class', why: 'mostly neither' },
  { votes: ['A', 'neither', 'neither'], decision: 'third-class', why: 'neither near B' },
  { votes: ['B', 'B', 'B'], decision: 'undecided', why: 'nothing fits A, not one class' },
  { votes: ['A', 'B', 'A'], decision: 'undecided', why: 'a B before an A' },
  { votes: ['B', 'A', 'B'], decision: 'undecided', why: 'B beside group A' },
  { votes: ['A', 'neither', 'A'], decision: 'undecided', why: 'A at both ends, not between' },
  { votes: ['A', 'neither'], decision: 'undecided', why: 'neither is half, not most' },
  { votes: ['A', 'A', null], decision: 'undecided', why: 'the sample nearest B tied' },
  { votes: [null, 'A', 'A'], decision: 'undecided', why: 'the sample nearest A tied' },
  { votes: ['A', null, null], decision: 'undecided', why: 'a single decided vote' },
  { votes: [null, null, null], decision: 'undecided', why: 'ties on every sample' },
  { votes: [], decision: 'undecided', why: 'no samples' },
  { votes: ['A', 'A', 'neither', 'B'], decision: 'different', why: 'one boundary of four' },
];

describe('decidePair', () => {
  it.each(cases)('decides $decision for $votes: $why', ({ votes, decision }) => {
    expect(decidePair(along(...votes))).toBe(decision);
  });

  it('reads the votes in path order, whatever order they come in', () => {
    const shuffled = [
      { position: 0.75, vote: 'B' as const },
      { position: 0.25, vote: 'A' as const },
      { position: 0.5, vote: 'A' as const },
    ];
    expect(decidePair(shuffled)).toBe('different');
    expect(decidePair(shuffled.map(({ position }) => ({ position, vote: 'A' as const })))).toBe(
      'same',
    );
  });

  it('leaves an all-A path undecided when the votes on the sample nearest B tie', () => {
    const options: [string, string] = ['4', '9'];
    const answers = [
      { position: 0.25, answers: ['4', '4', '9'] },
      { position: 0.5, answers: ['4', '4'] },
      { position: 0.75, answers: ['4', '9'] },
    ];
    const votes = answers.map(({ position, answers: given }) => {
      const { label } = decideVote(given.map((answer) => ({ answer })));
      return { position, vote: voteOfOption(label, options) };
    });

    expect(votes.map(({ vote }) => vote)).toEqual(['A', 'A', null]);
    expect(decidePair(votes)).toBe('undecided');
  });

  it('refuses a position off the path', () => {
    expect(() => decidePair([{ position: -0.1, vote: 'A' }])).toThrow(
      'vote position: expected a share in 0..1, received -0.1',
    );
  });
});

describe('voteOfOption', () => {
  it.each([
    { winner: '4 (1)', vote: 'A' },
    { winner: '4 (2)', vote: 'B' },
    { winner: 'neither', vote: 'neither' },
    { winner: null, vote: null },
  ])('reads winner $winner as $vote', ({ winner, vote }) => {
    expect(voteOfOption(winner, ['4 (1)', '4 (2)'])).toBe(vote);
  });

  it.each([
    { case: 'a winner that is no option', winner: '7', options: ['4', '9'] },
    { case: 'two equal options', winner: '4', options: ['4', '4'] },
    { case: 'a group option named neither', winner: '4', options: ['4', 'neither'] },
  ] as const)('refuses $case', ({ winner, options }) => {
    expect(() => voteOfOption(winner, options)).toThrow(ValidationError);
  });
});
