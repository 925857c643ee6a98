import type { AnswerChoice } from '../dashboard/query-card';
import type { ExemplarRow, QueryRow } from '../dashboard/dashboard-queries';

/** The convention experts answer pair questions by, shown beside every one. */
export const pairHint = 'If it fits both, choose A; if it fits neither, choose neither.';

/** One side of the question as shown: its letter, its name and a few of its images. */
export interface PairSide {
  letter: 'A' | 'B';
  name: string;
  exemplars: ExemplarRow[];
}

/** What a pair question card shows. */
export interface PairQuestionModel {
  sampleUrl: string;
  sampleAlt: string;
  sides: [PairSide, PairSide];
  answers: AnswerChoice[];
  hint: string;
}

/**
 * The question a pair card asks; a later jump of the pair's walk says which, 1-based, so an
 * expert sees why the same two groups come back with new samples.
 */
export function pairQuestionText(query: Pick<QueryRow, 'round' | 'question'>): string {
  const jump = query.question?.jump ?? 0;
  const when = jump > 0 ? `Round ${query.round}, jump ${jump + 1}` : `Round ${query.round}`;
  return `${when}: does this sample belong to A or B?`;
}

/**
 * A pair question's card, or null for a plain question. The answers are the query's options
 * in their order, group A's, group B's, then neither, as the round issued them; the buttons
 * carry the letters so that the hint reads against them.
 */
export function pairQuestionModel(query: QueryRow): PairQuestionModel | null {
  const { question } = query;
  if (!question) return null;

  const [a, b] = question.groups;
  const neither = query.options[2];
  if (!a || !b || neither === undefined) return null;
  const sides: [PairSide, PairSide] = [
    { letter: 'A', name: a.option, exemplars: a.exemplars },
    { letter: 'B', name: b.option, exemplars: b.exemplars },
  ];
  return {
    sampleUrl: question.sampleUrl,
    sampleAlt:
      `synthetic sample ${Math.round(question.position * 100)} % of the way ` +
      `from ${a.option} to ${b.option}`,
    sides,
    answers: [
      { text: `A: ${a.option}`, answer: a.option },
      { text: `B: ${b.option}`, answer: b.option },
      { text: 'neither', answer: neither },
    ],
    hint: pairHint,
  };
}
