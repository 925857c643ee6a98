import { seededRandom, shuffledIndices } from '../../activities/clustering/seeded-random';

/**
 * The deliberately wrong starting taxonomy of the fused-labels campaign: 4 and 9 under one
 * label, 3, 5 and 8 under another, and the ones split at random into two labels.
 */
export const fusedLabels = ['0', '1a', '1b', '2', '3|5|8', '4|9', '6', '7'];

/**
 * The starting label of a digit; `onesSoFar` (ones labelled before this one) alternates the
 * ones between 1a and 1b, since the shipped digits come in class order 0..9, 0..9, ...
 */
export function fusedLabelOf(digit: number, onesSoFar: number): string {
  if (digit === 4 || digit === 9) return '4|9';
  if (digit === 3 || digit === 5 || digit === 8) return '3|5|8';
  if (digit === 1) return onesSoFar % 2 === 0 ? '1a' : '1b';
  return String(digit);
}

/**
 * The parent level of the hierarchy (for the Table 2 comparison): the fused groups are one
 * class each there, and the two halves of the ones are one.
 */
export function parentClassOf(digit: number): number {
  if (digit === 9) return 4;
  if (digit === 5 || digit === 8) return 3;
  return digit;
}

/** The initial labels of a campaign: a seeded random share of the points. */
export function initialFusedLabels(truth: ArrayLike<number>, share: number, seed = 1) {
  const chosen = Array.from(shuffledIndices(truth.length, seededRandom(seed)))
    .slice(0, Math.round(share * truth.length))
    .sort((a, b) => a - b);
  const byLabel = new Map<string, number[]>(fusedLabels.map((label) => [label, []]));
  let ones = 0;
  for (const point of chosen) {
    const digit = truth[point]!;
    byLabel.get(fusedLabelOf(digit, ones))!.push(point);
    if (digit === 1) ones++;
  }
  return fusedLabels.map((label) => ({ label, pointIds: byLabel.get(label)! }));
}
