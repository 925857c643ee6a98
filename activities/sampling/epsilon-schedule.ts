import { ValidationError } from '../../events/errors';

/** The radius of adaptive sampling and how it shrinks from one jump to the next. */
export interface AdaptiveRadius {
  /** Radius of the first jump, in embedding units; > 0. */
  epsilon: number;
  /** Floor the radius never goes below, so late jumps still vary; 0 <= epsilonMin <= epsilon. */
  epsilonMin: number;
  /** Factor applied after each jump, in (0, 1]; 1 keeps the radius fixed. */
  decay: number;
}

/**
 * The radius of the jump after one of radius `epsilon`: max(epsilonMin, decay * epsilon).
 * Shrinking it zooms in on the boundary the experts' answers are closing in on.
 */
export function nextEpsilon(epsilon: number, radius: AdaptiveRadius): number {
  return Math.max(radius.epsilonMin, radius.decay * epsilon);
}

/** The radii of the first `jumps` jumps: epsilon, then each decayed from the one before. */
export function epsilonSchedule(radius: AdaptiveRadius, jumps: number): number[] {
  checkAdaptiveRadius(radius);
  if (!Number.isInteger(jumps) || jumps < 0) {
    throw new ValidationError(`jumps: expected an integer >= 0, received ${jumps}`);
  }
  const schedule: number[] = [];
  for (
    let epsilon = radius.epsilon;
    schedule.length < jumps;
    epsilon = nextEpsilon(epsilon, radius)
  ) {
    schedule.push(epsilon);
  }
  return schedule;
}

export function checkAdaptiveRadius({ epsilon, epsilonMin, decay }: AdaptiveRadius): void {
  if (!(epsilon > 0) || !Number.isFinite(epsilon)) {
    throw new ValidationError(`epsilon: expected a finite number > 0, received ${epsilon}`);
  }
  if (!(epsilonMin >= 0 && epsilonMin <= epsilon)) {
    throw new ValidationError(
      `epsilonMin: expected a number in 0..${epsilon} (epsilon), received ${epsilonMin}`,
    );
  }
  if (!(decay > 0 && decay <= 1)) {
    throw new ValidationError(`decay: expected a number in (0, 1], received ${decay}`);
  }
}
