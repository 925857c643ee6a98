import { ValidationError } from '../../events/errors';
import type { QuerySettings } from '../../workflows/campaign-input';
import type { AdaptiveRadius } from '../sampling/epsilon-schedule';
import { checkAdaptiveRadius } from '../sampling/epsilon-schedule';

/** How each pair's walk goes in a round: the campaign's query settings with their defaults. */
export interface PairWalk {
  /** Jumps per pair per round; 1 asks only along the path between the groups' centroids. */
  jumps: number;
  sampling: 'adaptive' | 'uncertainty';
  /** Radius of jump 1 onwards, in shares of the distance between the pair's centroids. */
  radius: AdaptiveRadius;
  /** Samples asked about per pair in each later jump. */
  samples: number;
  /** Candidates drawn per pair and jump by uncertainty sampling. */
  candidates: number;
}

/**
 * A quarter of the distance between the centroids keeps jump 1's samples between the groups
 * (its centre is a path's midpoint); halving per jump zooms in on the boundary within a few
 * jumps, and a twentieth still lets late samples differ from one another.
 */
export const defaultPairWalk: PairWalk = {
  jumps: 1,
  sampling: 'adaptive',
  radius: { epsilon: 0.25, epsilonMin: 0.05, decay: 0.5 },
  samples: 3,
  candidates: 20,
};

/** Each jump waits for its own answers, so many jumps would keep a round open for long. */
const maxJumps = 10;
const maxSamples = 10;
const maxCandidates = 1000;

type WalkSettings = Pick<
  QuerySettings,
  'pairJumps' | 'pairSampling' | 'pairRadius' | 'pairSamples' | 'pairCandidates'
>;

/** The pair walk a campaign's query settings ask for; refuses settings it could not run. */
export function pairWalkOf(queries: WalkSettings): PairWalk {
  const walk: PairWalk = {
    jumps: queries.pairJumps ?? defaultPairWalk.jumps,
    sampling: queries.pairSampling ?? defaultPairWalk.sampling,
    radius: queries.pairRadius ?? defaultPairWalk.radius,
    samples: queries.pairSamples ?? defaultPairWalk.samples,
    candidates: queries.pairCandidates ?? defaultPairWalk.candidates,
  };

  checkInteger('pairJumps', walk.jumps, 1, maxJumps);
  if (walk.sampling !== 'adaptive' && walk.sampling !== 'uncertainty') {
    throw new ValidationError(
      `queries.pairSampling: expected 'adaptive' or 'uncertainty', received ` +
        JSON.stringify(walk.sampling),
    );
  }
  try {
    checkAdaptiveRadius(walk.radius);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(`queries.pairRadius.${error.message}`);
  }
  checkInteger('pairSamples', walk.samples, 1, maxSamples);
  checkInteger('pairCandidates', walk.candidates, walk.samples, maxCandidates, ' (pairSamples)');
  return walk;
}

function checkInteger(name: string, value: unknown, min: number, max: number, minName = '') {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(
      `queries.${name}: expected an integer in ${min}${minName}..${max}, received ` +
        JSON.stringify(value),
    );
  }
}
