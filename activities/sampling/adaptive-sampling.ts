import { ValidationError } from '../../events/errors';
import { checkLatent } from '../clustering/embedding-checks';
import { seededRandom } from '../clustering/seeded-random';
import type { Decoder, SyntheticSample } from './decoder';
import { decodeSamples } from './decoder';
import type { AdaptiveRadius } from './epsilon-schedule';
import { epsilonSchedule } from './epsilon-schedule';
import { pointOnSphere } from './random-directions';

/** One jump of adaptive sampling around a path's midpoint. */
export interface AdaptiveJumpOptions {
  /** The radius schedule; the jump's radius is its `jump`-th entry. */
  radius: AdaptiveRadius;
  /** Jumps already made on this collision (0 for the first). */
  jump: number;
  /** Synthetic samples to draw; an integer >= 1. */
  samples: number;
  /** Seed of the directions; together with `jump` it fixes every sample of the jump. */
  seed: number;
}

/** What one jump produced: its radius and the decoded samples. */
export interface AdaptiveJump<TImage> {
  epsilon: number;
  samples: SyntheticSample<TImage>[];
}

/**
 * Adaptive sampling, one jump: `samples` latents at exactly the jump's radius epsilon from
 * `centre`, in seeded random directions, decoded in one batch. The radius depends only on
 * the jump number (epsilon decays each jump down to epsilonMin), so a workflow that stores
 * the jump count can replay any jump. The next jump's centre is chosen by the experts'
 * votes (see sampleClosestToLabel) and the path from there.
 */
export function adaptiveJump<TImage>(
  centre: Float32Array,
  options: AdaptiveJumpOptions,
  decode: Decoder<TImage>,
): AdaptiveJump<TImage> {
  const { radius, jump, samples, seed } = options;
  checkLatent('centre', centre, centre.length);
  if (!Number.isInteger(jump) || jump < 0) {
    throw new ValidationError(`jump: expected an integer >= 0, received ${jump}`);
  }
  if (!Number.isInteger(samples) || samples < 1) {
    throw new ValidationError(`samples: expected an integer >= 1, received ${samples}`);
  }

  const epsilon = epsilonSchedule(radius, jump + 1)[jump]!;
  // Mixing the jump into the seed keeps jumps of one collision from repeating directions.
  const random = seededRandom(seed ^ Math.imul(jump + 1, 0x9e3779b1));
  const latents = Array.from({ length: samples }, () => pointOnSphere(centre, epsilon, random));
  return { epsilon, samples: decodeSamples(latents, decode) };
}
