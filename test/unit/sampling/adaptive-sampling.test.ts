import { describe, expect, it } from 'vitest';

import { adaptiveJump } from '../../../activities/sampling/adaptive-sampling';
import { epsilonSchedule, nextEpsilon } from '../../../activities/sampling/epsilon-schedule';
import { ValidationError } from '../../../events/errors';

/** A tiny pure decoder: each latent becomes the rounded sum of its values, as text. */
const sumDecoder = (latents: readonly Float32Array[]) =>
  latents.map((latent) => latent.reduce((sum, value) => sum + value, 0).toFixed(3));

const distance = (a: Float32Array, b: Float32Array) =>
  Math.hypot(...Array.from(a, (value, d) => value - b[d]!));

const radius = { epsilon: 1, epsilonMin: 0.2, decay: 0.5 };

describe('epsilon schedule', () => {
  it.each([
    { radius, jumps: 5, schedule: [1, 0.5, 0.25, 0.2, 0.2] },
    { radius: { epsilon: 3, epsilonMin: 0, decay: 1 / 3 }, jumps: 3, schedule: [3, 1, 1 / 3] },
    { radius: { epsilon: 2, epsilonMin: 2, decay: 0.1 }, jumps: 3, schedule: [2, 2, 2] },
    { radius: { epsilon: 2, epsilonMin: 1, decay: 1 }, jumps: 2, schedule: [2, 2] },
    { radius, jumps: 0, schedule: [] },
  ])('decays $radius.epsilon by $radius.decay down to $radius.epsilonMin', (row) => {
    expect(epsilonSchedule(row.radius, row.jumps)).toEqual(row.schedule);
  });

  it('takes one step of the same rule at a time', () => {
    expect(nextEpsilon(0.3, radius)).toBe(0.2);
    expect(nextEpsilon(0.8, radius)).toBe(0.4);
  });

  it.each([
    { case: 'epsilon 0', given: { ...radius, epsilon: 0 }, message: /epsilon: .*received 0/ },
    { case: 'epsilonMin above epsilon', given: { ...radius, epsilonMin: 2 }, message: /0\.\.1/ },
    { case: 'decay above 1', given: { ...radius, decay: 1.5 }, message: /decay.*1\.5/ },
    { case: 'decay 0', given: { ...radius, decay: 0 }, message: /decay.*received 0/ },
  ])('refuses $case', ({ given, message }) => {
    expect(() => epsilonSchedule(given, 2)).toThrow(ValidationError);
    expect(() => epsilonSchedule(given, 2)).toThrow(message);
  });
});

describe('adaptiveJump', () => {
  const centre = Float32Array.from([1, -2, 3]);

  it.each([
    { jump: 0, epsilon: 1 },
    { jump: 1, epsilon: 0.5 },
    { jump: 2, epsilon: 0.25 },
    { jump: 6, epsilon: 0.2 },
  ])('places every sample of jump $jump exactly $epsilon from the centre', ({ jump, epsilon }) => {
    const result = adaptiveJump(centre, { radius, jump, samples: 8, seed: 5 }, sumDecoder);

    expect(result.epsilon).toBe(epsilon);
    expect(result.samples).toHaveLength(8);
    for (const { latent } of result.samples) {
      // Float32 latents: equal to about 1e-6 relative.
      expect(distance(latent, centre)).toBeCloseTo(epsilon, 5);
    }
  });

  it('draws the same samples from the same seed and jump, and others otherwise', () => {
    const draw = (seed: number, jump: number) =>
      adaptiveJump(centre, { radius, jump, samples: 4, seed }, sumDecoder).samples.map(
        ({ latent }) => Array.from(latent),
      );
    expect(draw(5, 0)).toEqual(draw(5, 0));
    expect(draw(6, 0)).not.toEqual(draw(5, 0));
    // Same seed, next jump: new directions, not the first jump's scaled down.
    const unit = (rows: number[][], scale: number) =>
      rows.map((row) => row.map((value, d) => ((value - centre[d]!) / scale).toFixed(4)));
    expect(unit(draw(5, 1), 0.5)).not.toEqual(unit(draw(5, 0), 1));
  });

  it('decodes all samples in one call and pairs each latent with its image', () => {
    const batches: number[] = [];
    const decoder = (latents: readonly Float32Array[]) => {
      batches.push(latents.length);
      return sumDecoder(latents);
    };
    const result = adaptiveJump(centre, { radius, jump: 0, samples: 5, seed: 1 }, decoder);

    expect(batches).toEqual([5]);
    for (const { latent, image } of result.samples) expect(image).toEqual(sumDecoder([latent])[0]);
  });

  it('refuses a decoder that returns the wrong number of images', () => {
    const short = (latents: readonly Float32Array[]) => sumDecoder(latents).slice(1);
    expect(() => adaptiveJump(centre, { radius, jump: 0, samples: 3, seed: 1 }, short)).toThrow(
      /decoder: expected 3 images, one per latent, received 2/,
    );
  });

  it.each([
    { case: 'no samples', samples: 0, jump: 0, message: /samples.*received 0/ },
    { case: 'a negative jump', samples: 2, jump: -1, message: /jump.*received -1/ },
  ])('refuses $case', ({ samples, jump, message }) => {
    const run = () => adaptiveJump(centre, { radius, jump, samples, seed: 1 }, sumDecoder);
    expect(run).toThrow(ValidationError);
    expect(run).toThrow(message);
  });
});
