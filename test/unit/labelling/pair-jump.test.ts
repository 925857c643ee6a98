import { describe, expect, it } from 'vitest';

import { jumpEpsilon, planJump, segmentPosition } from '../../../activities/labelling/pair-jump';
import type { PairJumpInput } from '../../../activities/labelling/pair-jump';
import { defaultPairWalk } from '../../../activities/labelling/pair-walk-settings';
import { ValidationError } from '../../../events/errors';

const latent = (...values: number[]) => Float32Array.from(values);
const distance = (a: Float32Array, b: Float32Array) =>
  Math.hypot(...Array.from(a, (value, d) => value - b[d]!));

/** A decoder whose image is a copy of the latent, so tests can read where a sample lies. */
const copyDecoder = (latents: readonly Float32Array[]) => latents.map((each) => each.slice());
/** Uncertainty rising with the second coordinate: the kept samples are the highest ones. */
const heightUncertainty = (point: Float32Array) => point[1]!;

const radius = { epsilon: 0.25, epsilonMin: 0.05, decay: 0.5 };

describe('jumpEpsilon', () => {
  it.each([
    { jump: 1, epsilon: 2 },
    { jump: 2, epsilon: 1 },
    { jump: 3, epsilon: 0.5 },
    { jump: 4, epsilon: 0.4 },
    { jump: 7, epsilon: 0.4 },
  ])('gives jump $jump radius $epsilon for centroids 8 apart', ({ jump, epsilon }) => {
    expect(jumpEpsilon(radius, jump, 8)).toBeCloseTo(epsilon, 12);
  });

  it('scales with the distance between the centroids', () => {
    expect(jumpEpsilon(radius, 2, 0.08)).toBeCloseTo(0.01, 12);
  });

  it('refuses jump 0, which samples along a path instead', () => {
    expect(() => jumpEpsilon(radius, 0, 8)).toThrow(ValidationError);
    expect(() => jumpEpsilon(radius, 0, 8)).toThrow(/jump: expected an integer >= 1, received 0/);
  });
});

describe('segmentPosition', () => {
  const from = latent(0, 0);
  const to = latent(10, 0);
  it.each([
    { point: latent(2.5, 3), position: 0.25 },
    { point: latent(5, -7), position: 0.5 },
    { point: latent(-1, 0), position: 0 },
    { point: latent(12, 1), position: 1 },
  ])('places ($point) at $position of the way from A to B', ({ point, position }) => {
    expect(segmentPosition(point, from, to)).toBeCloseTo(position, 12);
  });

  it('places everything at A when the centroids coincide', () => {
    expect(segmentPosition(latent(3, 3), from, from)).toBe(0);
  });
});

// Eleven points one apart on a line, x = 0..10. A's centroid sits at 0.5, B's at 9.5 (9
// apart); the walk goes on from point 4. The path runs from point 4 to point 9 (the lower
// of the two nearest B's centroid), so its midpoint is (6.5, 0).
const line = Float32Array.from(Array.from({ length: 11 }, (_, x) => [x, 0]).flat());
const base: PairJumpInput = {
  embedding: line,
  count: 11,
  width: 2,
  centroids: [latent(0.5, 0), latent(9.5, 0)],
  startImageId: 4,
  walk: { ...defaultPairWalk, jumps: 3, radius, samples: 4, candidates: 30 },
  jump: 1,
  seed: 7,
};
const midpoint = latent(6.5, 0);

describe('planJump', () => {
  it.each([
    { sampling: 'adaptive' as const, jump: 1, epsilon: 2.25 },
    { sampling: 'adaptive' as const, jump: 2, epsilon: 1.125 },
    { sampling: 'uncertainty' as const, jump: 1, epsilon: 2.25 },
    { sampling: 'uncertainty' as const, jump: 3, epsilon: 0.5625 },
  ])('samples $sampling jump $jump within radius $epsilon of the midpoint', (row) => {
    const walk = { ...base.walk, sampling: row.sampling };
    const planned = planJump({ ...base, walk, jump: row.jump }, heightUncertainty, copyDecoder)!;

    expect(planned.epsilon).toBeCloseTo(row.epsilon, 12);
    expect(planned.samples).toHaveLength(4);
    for (const sample of planned.samples) {
      const from = distance(sample.latent, midpoint);
      if (row.sampling === 'adaptive') expect(from).toBeCloseTo(row.epsilon, 5);
      else expect(from).toBeLessThanOrEqual(row.epsilon + 1e-6);
      expect(Array.from(sample.image)).toEqual(Array.from(sample.latent));
      expect(sample.position).toBeCloseTo((sample.latent[0]! - 0.5) / 9, 6);
      expect(sample.imageId).toBe(Math.round(sample.latent[0]!));
    }
  });

  it('keeps the most uncertain candidates, most uncertain first', () => {
    const walk = { ...base.walk, sampling: 'uncertainty' as const };
    const heights = planJump({ ...base, walk }, heightUncertainty, copyDecoder)!.samples.map(
      (sample) => sample.latent[1]!,
    );
    expect(heights).toEqual([...heights].sort((a, b) => b - a));
    // Four of thirty uniform draws in a disc of radius 2.25: the highest sit in its top half.
    expect(Math.min(...heights)).toBeGreaterThan(0);
  });

  it('centres the samples on the path from the chosen point, not from A', () => {
    const fromSeven = planJump({ ...base, startImageId: 7 }, heightUncertainty, copyDecoder)!;
    // Path 7 -> 9: midpoint (8, 0).
    for (const sample of fromSeven.samples) {
      expect(distance(sample.latent, latent(8, 0))).toBeCloseTo(2.25, 5);
    }
  });

  it('draws the same samples for the same seed, others for another', () => {
    const points = (seed: number) =>
      planJump({ ...base, seed }, heightUncertainty, copyDecoder)!.samples.map((sample) =>
        Array.from(sample.latent),
      );
    expect(points(7)).toEqual(points(7));
    expect(points(8)).not.toEqual(points(7));
  });

  it('ends the walk when the centroids coincide', () => {
    const centroids = [latent(5, 0), latent(5, 0)] as const;
    expect(planJump({ ...base, centroids }, heightUncertainty, copyDecoder)).toBeNull();
  });

  it.each([
    { case: 'jump 0', given: { jump: 0 }, message: /jump: .*received 0/ },
    { case: 'a start off the data', given: { startImageId: 11 }, message: /0\.\.10, received 11/ },
  ])('refuses $case', ({ given, message }) => {
    const plan = () => planJump({ ...base, ...given }, heightUncertainty, copyDecoder);
    expect(plan).toThrow(ValidationError);
    expect(plan).toThrow(message);
  });
});
