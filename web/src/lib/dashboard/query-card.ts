import type { QueryRow } from './dashboard-queries';

/** What every query card is given: the query, the answer sent from this page, if any. */
export interface QueryCardProps {
  query: QueryRow;
  sentAnswer: string | undefined;
  onanswer: (query: QueryRow, answer: string) => void;
}

/** An answer button of a query card: the text on it and the answer it sends. */
export interface AnswerChoice {
  text: string;
  answer: string;
}

/** A plain query's buttons: each option is sent as it reads. */
export function optionChoices(options: readonly string[]): AnswerChoice[] {
  return options.map((option) => ({ text: option, answer: option }));
}
