import { ValidationError } from '../../events/errors';
import { checkLatent } from '../clustering/embedding-checks';
import { seededRandom } from '../clustering/seeded-random';
import type { Decoder, SyntheticSample } from './decoder';
import { decodeSamples } from './decoder';
import { pointInBall } from './random-directions';

/** Uncertainty sampling around a path's midpoint. */
export interface UncertaintySamplingOptions {
  /** Radius of the ball the candidates are drawn in; > 0. */
  radius: number;
  /** Candidates drawn uniformly in the ball; an integer >= 1. */
  candidates: number;
  /** How many of the most uncertain candidates are kept and decoded; 1..candidates. */
  keep: number;
  /** Seed of the draws: same seed, same candidates. */
  seed: number;
}

/** A kept candidate: its latent, image, uncertainty and draw order among the candidates. */
export interface UncertainSample<TImage> extends SyntheticSample<TImage> {
  uncertainty: number;
  candidate: number;
}

/**
 * Uncertainty sampling: `candidates` latents uniform in the ball of `radius` around
 * `centre`, each scored by `uncertainty` (for instance the entropy of the model's softmax
 * on the decoded latent), and the `keep` highest kept, most uncertain first (ties to the
 * earlier candidate). Only the kept ones are decoded, in one batch: decoding is the costly
 * part and the others are never shown.
 */
export function uncertaintySamples<TImage>(
  centre: Float32Array,
  options: UncertaintySamplingOptions,
  uncertainty: (latent: Float32Array) => number,
  decode: Decoder<TImage>,
): UncertainSample<TImage>[] {
  const { radius, candidates, keep, seed } = options;
  checkLatent('centre', centre, centre.length);
  checkCounts(radius, candidates, keep);

  const random = seededRandom(seed);
  const scored = Array.from({ length: candidates }, (_, candidate) => {
    const latent = pointInBall(centre, radius, random);
    return { latent, uncertainty: scoreOf(uncertainty, latent, candidate), candidate };
  });
  const kept = scored
    .sort((a, b) => b.uncertainty - a.uncertainty || a.candidate - b.candidate)
    .slice(0, keep);

  const decoded = decodeSamples(
    kept.map(({ latent }) => latent),
    decode,
  );
  return kept.map((sample, i) => ({ ...sample, image: decoded[i]!.image }));
}

function scoreOf(uncertainty: (latent: Float32Array) => number, latent: Float32Array, i: number) {
  const score = uncertainty(latent);
  if (!Number.isFinite(score)) {
    throw new ValidationError(
      `uncertainty: expected a finite score for candidate ${i}, received ${score}`,
    );
  }
  return score;
}

function checkCounts(radius: number, candidates: number, keep: number): void {
  if (!(radius > 0) || !Number.isFinite(radius)) {
    throw new ValidationError(`radius: expected a finite number > 0, received ${radius}`);
  }
  if (!Number.isInteger(candidates) || candidates < 1) {
    throw new ValidationError(`candidates: expected an integer >= 1, received ${candidates}`);
  }
  if (!Number.isInteger(keep) || keep < 1 || keep > candidates) {
    throw new ValidationError(
      `keep: expected an integer in 1..${candidates} (the candidates), received ${keep}`,
    );
  }
}
