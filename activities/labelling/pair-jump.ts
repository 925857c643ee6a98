import { ValidationError } from '../../events/errors';
import { checkEmbedding } from '../clustering/embedding-checks';
import { adaptiveJump } from '../sampling/adaptive-sampling';
import type { Decoder, SyntheticSample } from '../sampling/decoder';
import type { AdaptiveRadius } from '../sampling/epsilon-schedule';
import { epsilonSchedule } from '../sampling/epsilon-schedule';
import { pathBetweenCentroids } from '../sampling/path';
import { uncertaintySamples } from '../sampling/uncertainty-sampling';
import { nearestRows } from './nearest-rows';
import type { PairWalk } from './pair-walk-settings';

/** One later jump of a pair's walk, in the model's embedding of `count` rows of `width`. */
export interface PairJumpInput {
  embedding: Float32Array;
  count: number;
  width: number;
  /** Centroids of the pair's groups A and B in the embedding. */
  centroids: readonly [Float32Array, Float32Array];
  /** The real point the new path starts at: the one nearest the sample chosen to go on from. */
  startImageId: number;
  walk: PairWalk;
  /** The jump, >= 1 (jump 0 samples along the path between the centroids). */
  jump: number;
  seed: number;
  /** Neighbours per point of the graph the path follows; default 10, as the first path. */
  neighbours?: number;
}

/** A sample of a later jump, ready to become a pair query. */
export interface JumpSample<TImage> {
  latent: Float32Array;
  image: TImage;
  /** Projection onto the segment from A's centroid (0) to B's (1), clamped to 0..1. */
  position: number;
  /** The real point nearest the sample: the query's `imageId`. */
  imageId: number;
}

/** What a jump drew: the radius it sampled in (embedding units) and its samples. */
export interface PlannedJump<TImage> {
  epsilon: number;
  samples: JumpSample<TImage>[];
}

/**
 * The radius of `jump` (>= 1) for a pair whose centroids lie `scale` apart: jump 1 samples
 * at radius.epsilon * scale, each later jump decays it down to radius.epsilonMin * scale.
 */
export function jumpEpsilon(radius: AdaptiveRadius, jump: number, scale: number): number {
  checkJump(jump);
  return epsilonSchedule(scaled(radius, scale), jump)[jump - 1]!;
}

/** Where `latent` projects onto the segment from `from` (0) to `to` (1), clamped to 0..1. */
export function segmentPosition(latent: Float32Array, from: Float32Array, to: Float32Array) {
  let along = 0;
  let length = 0;
  for (let d = 0; d < from.length; d++) {
    const step = to[d]! - from[d]!;
    along += (latent[d]! - from[d]!) * step;
    length += step * step;
  }
  return length > 0 ? Math.min(1, Math.max(0, along / length)) : 0;
}

/**
 * One later jump of a pair's walk: the path through the data from the chosen sample's real
 * point to B's centroid, and synthetic samples around its midpoint, adaptive (on the sphere
 * of the jump's radius) or uncertainty-based (the most uncertain of the candidates inside
 * it). Null when the centroids coincide: there is no distance to scale the radius by.
 */
export function planJump<TImage>(
  input: PairJumpInput,
  uncertainty: (latent: Float32Array) => number,
  decode: Decoder<TImage>,
): PlannedJump<TImage> | null {
  const { embedding, count, width, centroids, startImageId, jump } = input;
  checkEmbedding(embedding, count, width);
  checkJump(jump);
  if (!Number.isInteger(startImageId) || startImageId < 0 || startImageId >= count) {
    throw new ValidationError(
      `startImageId: expected an integer in 0..${count - 1}, received ${startImageId}`,
    );
  }
  const [a, b] = centroids;
  const scale = Math.hypot(...Array.from(a, (value, d) => value - b[d]!));
  if (!(scale > 0)) return null;

  const start = embedding.slice(startImageId * width, (startImageId + 1) * width);
  const path = pathBetweenCentroids(
    embedding,
    count,
    width,
    { from: start, to: b },
    input.neighbours ?? 10,
  );
  const { epsilon, samples } = drawAround(path.midpoint, input, scale, uncertainty, decode);

  return {
    epsilon,
    samples: samples.map(({ latent, image }) => ({
      latent,
      image,
      position: segmentPosition(latent, a, b),
      imageId: nearestRows(embedding, width, latent, 1)[0]!,
    })),
  };
}

/** The jump's samples around `centre`, and the radius they were drawn in. */
function drawAround<TImage>(
  centre: Float32Array,
  { walk, jump, seed }: PairJumpInput,
  scale: number,
  uncertainty: (latent: Float32Array) => number,
  decode: Decoder<TImage>,
): { epsilon: number; samples: SyntheticSample<TImage>[] } {
  if (walk.sampling === 'adaptive') {
    // The schedule's jump 0 is the walk's jump 1: jump 0 samples along a path instead.
    const radius = scaled(walk.radius, scale);
    return adaptiveJump(centre, { radius, jump: jump - 1, samples: walk.samples, seed }, decode);
  }
  const epsilon = jumpEpsilon(walk.radius, jump, scale);
  const options = { radius: epsilon, candidates: walk.candidates, keep: walk.samples, seed };
  return { epsilon, samples: uncertaintySamples(centre, options, uncertainty, decode) };
}

const scaled = (radius: AdaptiveRadius, scale: number): AdaptiveRadius => ({
  epsilon: radius.epsilon * scale,
  epsilonMin: radius.epsilonMin * scale,
  decay: radius.decay,
});

function checkJump(jump: number) {
  if (!Number.isInteger(jump) || jump < 1) {
    throw new ValidationError(`jump: expected an integer >= 1, received ${jump}`);
  }
}
