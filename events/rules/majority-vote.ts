/**
 * Majority vote over one query's answers. The rule: the label with strictly the most votes
 * wins; a tie for the top, or no answer at all, decides nothing (label null) so that an
 * undecided image keeps its current label rather than taking a coin-flip one.
 */
export interface VoteOutcome {
  label: string | null;
  tally: Record<string, number>;
}

export function decideVote(answers: readonly { answer: string }[]): VoteOutcome {
  const tally: Record<string, number> = {};
  for (const { answer } of answers) tally[answer] = (tally[answer] ?? 0) + 1;

  const ranked = Object.entries(tally).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || (second && second[1] === first[1])) return { label: null, tally };
  return { label: first[0], tally };
}
