import type { SimulatedPanel } from '../../client/simulated-panel';
import { decideVote } from '../../events/rules/majority-vote';

/** The answers offered for a digit: its class names, 0 to 9. */
export const digitOptions = Array.from({ length: 10 }, (_, digit) => String(digit));

/**
 * Asks every available expert of the panel which digit each image is and keeps the class
 * the product's majority vote decides; a tied image gets no label, as in a round.
 */
export function panelLabels(
  panel: SimulatedPanel,
  round: number,
  imageIds: readonly number[],
  truth: ArrayLike<number>,
): Map<number, number> {
  const experts = panel.expertIds.filter((expertId) => panel.isAvailable(expertId, round));
  const labels = new Map<number, number>();
  for (const imageId of imageIds) {
    const question = { round, options: digitOptions, truth: String(truth[imageId]) };
    const answers = experts
      .map((expertId) => panel.answerQuery(expertId, question))
      .filter((answer): answer is string => answer !== null)
      .map((answer) => ({ answer }));
    const { label } = decideVote(answers);
    if (label !== null) labels.set(imageId, Number(label));
  }
  return labels;
}
