import { ValidationError } from '../../events/errors';

/** One expert's answer about one synthetic sample of a jump. */
export interface SampleVote {
  /** Index of the sample within the jump. */
  sample: number;
  /** The label the expert said the sample looks like, or any other answer ("neither"). */
  answer: string;
}

/**
 * The sample the experts placed closest to `label` (the second label of the collision):
 * the one with the largest share of its votes naming that label. Ties go to the sample
 * with more such votes, then to the lower index. A sample nobody tied to the label is never
 * chosen; null when no sample was, and then the walk towards that label stops here.
 */
export function sampleClosestToLabel(
  votes: readonly SampleVote[],
  label: string,
  sampleCount: number,
): number | null {
  const forLabel = new Array<number>(sampleCount).fill(0);
  const total = new Array<number>(sampleCount).fill(0);
  for (const { sample, answer } of votes) {
    if (!Number.isInteger(sample) || sample < 0 || sample >= sampleCount) {
      throw new ValidationError(
        `votes: expected sample indices in 0..${sampleCount - 1}, received ${sample}`,
      );
    }
    total[sample]!++;
    if (answer === label) forLabel[sample]!++;
  }

  let best: number | null = null;
  for (let sample = 0; sample < sampleCount; sample++) {
    if (forLabel[sample] === 0) continue;
    if (best === null) {
      best = sample;
      continue;
    }
    // Cross-multiplied shares: a / b > c / d without division.
    const ahead = forLabel[sample]! * total[best]! - forLabel[best]! * total[sample]!;
    if (ahead > 0 || (ahead === 0 && forLabel[sample]! > forLabel[best]!)) best = sample;
  }
  return best;
}
