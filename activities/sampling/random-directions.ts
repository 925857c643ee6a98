import type { Random } from '../clustering/seeded-random';

/**
 * One standard normal draw (Box-Muller, cosine branch only: one uniform pair per draw keeps
 * the sequence simple to replay from a seed). 1 - random() lies in (0, 1], so log is finite.
 */
export function gaussian(random: Random): number {
  const radius = Math.sqrt(-2 * Math.log(1 - random()));
  return radius * Math.cos(2 * Math.PI * random());
}

/**
 * A unit vector uniformly distributed over directions in `width` dimensions: normalised
 * Gaussian draws, because uniform coordinates would crowd towards the cube's corners.
 */
export function randomDirection(width: number, random: Random): Float64Array {
  for (;;) {
    const direction = Float64Array.from({ length: width }, () => gaussian(random));
    const norm = Math.hypot(...direction);
    // A zero vector has no direction; with real draws it is all but impossible.
    if (norm > 0) return direction.map((value) => value / norm);
  }
}

/** A point at exactly `radius` from `centre`, in a random direction. */
export function pointOnSphere(centre: Float32Array, radius: number, random: Random) {
  const direction = randomDirection(centre.length, random);
  return centre.map((value, d) => value + radius * direction[d]!);
}

/**
 * A point uniformly distributed inside the ball of `radius` around `centre`. The distance
 * is radius * u^(1/width), not radius * u: volume grows as distance^width, and a linear
 * draw would pile points up near the centre.
 */
export function pointInBall(centre: Float32Array, radius: number, random: Random) {
  const direction = randomDirection(centre.length, random);
  const distance = radius * Math.pow(random(), 1 / centre.length);
  return centre.map((value, d) => value + distance * direction[d]!);
}
