import type { EventData } from '../../events/catalog';
import { ValidationError } from '../../events/errors';

/** What a pair's votes decided (see {@link decidePair}). */
export type PairDecision = EventData<'PairDecided'>['decision'];

/** A sample's majority vote: group A, group B, neither group, or null for a tie or silence. */
export type PairVote = 'A' | 'B' | 'neither' | null;

/** One sample of a pair's path with the vote its query decided. */
export interface PathVote {
  /** Share of the path from group A (0) to group B (1). */
  position: number;
  vote: PairVote;
}

/**
 * The rule turning the votes along a pair's path into a decision. Votes are taken in path
 * order and null votes (a tie or no answer) are ignored; of the rest, the decided votes:
 *
 * 1. fewer than 2 decided votes: `undecided`;
 * 2. more than half of the decided votes are `neither`: `third-class` (something else lies
 *    between or at the ends of the two groups);
 * 3. every decided vote is A, and both the sample nearest A and the one nearest B (the first
 *    and last samples, whatever their votes) are among them: `same`;
 * 4. the first decided vote is A, the last is B, and no B comes before an A: `different`
 *    (one boundary, `neither` votes may sit around it);
 * 5. anything else: `undecided`, so the label tree stays as it is.
 *
 * Refinement of the suggested rule: all-B votes do not count as `same`. Experts are told
 * "fits both: answer A", so when the groups are one class every sample is answered A; a
 * path answered B even beside group A says the samples do not look like A at all, which
 * is no evidence that A and B are one class. Rule 3 asks for the end samples themselves
 * (not the nearest decided ones) because only the sample nearest B, answered A, shows that
 * A's class reaches all the way to B.
 */
export function decidePair(votes: readonly PathVote[]): PairDecision {
  checkPositions(votes);
  const inPathOrder = [...votes].sort((a, b) => a.position - b.position);
  const decided = inPathOrder.flatMap(({ vote }) => (vote === null ? [] : [vote]));
  if (decided.length < 2) return 'undecided';

  const neither = decided.filter((vote) => vote === 'neither').length;
  if (neither * 2 > decided.length) return 'third-class';

  const endsDecided = inPathOrder[0]!.vote !== null && inPathOrder.at(-1)!.vote !== null;
  if (endsDecided && decided.every((vote) => vote === 'A')) return 'same';

  const lastA = decided.lastIndexOf('A');
  const firstB = decided.indexOf('B');
  const oneBoundary = lastA >= 0 && firstB >= 0 && lastA < firstB;
  if (decided[0] === 'A' && decided.at(-1) === 'B' && oneBoundary) return 'different';
  return 'undecided';
}

/**
 * The side a pair query's winning option stands for: `options` are the query's first two
 * options, group A's then group B's; `neither` is the third; null (no winner) stays null.
 */
export function voteOfOption(winner: string | null, options: readonly [string, string]): PairVote {
  if (options[0] === options[1] || options.includes('neither')) {
    throw new ValidationError(
      `pair options: expected two distinct options besides "neither", received ` +
        JSON.stringify(options),
    );
  }

  if (winner === null) return null;
  if (winner === options[0]) return 'A';
  if (winner === options[1]) return 'B';
  if (winner === 'neither') return 'neither';
  throw new ValidationError(
    `winning option ${JSON.stringify(winner)} is none of the pair's options ` +
      `${JSON.stringify([...options, 'neither'])}`,
  );
}

function checkPositions(votes: readonly PathVote[]) {
  const bad = votes.find(({ position }) => !(position >= 0 && position <= 1));
  if (bad !== undefined) {
    throw new ValidationError(`vote position: expected a share in 0..1, received ${bad.position}`);
  }
}
