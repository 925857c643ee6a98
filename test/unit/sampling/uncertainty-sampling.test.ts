import { describe, expect, it } from 'vitest';

import { uncertaintySamples } from '../../../activities/sampling/uncertainty-sampling';
import { ValidationError } from '../../../events/errors';

const centre = Float32Array.from([2, 2]);
const distance = (latent: Float32Array) => Math.hypot(latent[0]! - 2, latent[1]! - 2);
const labelDecoder = (latents: readonly Float32Array[]) =>
  latents.map((latent) => `image at ${latent[0]!.toFixed(2)}`);

/** An uncertainty that replays fixed scores by call order, and remembers the candidates. */
function replay(scores: number[]) {
  const seen: Float32Array[] = [];
  const uncertainty = (latent: Float32Array) => {
    seen.push(latent);
    return scores[seen.length - 1]!;
  };
  return { seen, uncertainty };
}

describe('uncertaintySamples', () => {
  it('keeps the m most uncertain candidates, most uncertain first, ties to the earlier', () => {
    const { seen, uncertainty } = replay([0.1, 0.9, 0.5, 0.9, 0.3]);
    const options = { radius: 1, candidates: 5, keep: 3, seed: 4 };
    const kept = uncertaintySamples(centre, options, uncertainty, labelDecoder);

    expect(kept.map(({ candidate, uncertainty }) => [candidate, uncertainty])).toEqual([
      [1, 0.9],
      [3, 0.9],
      [2, 0.5],
    ]);
    expect(kept.map(({ latent }) => latent)).toEqual([seen[1], seen[3], seen[2]]);
    expect(kept.map(({ image }) => image)).toEqual(labelDecoder([seen[1]!, seen[3]!, seen[2]!]));
  });

  it('draws every candidate inside the ball, spread by volume rather than by radius', () => {
    const { seen, uncertainty } = replay(new Array(4000).fill(0));
    uncertaintySamples(
      centre,
      { radius: 3, candidates: 4000, keep: 1, seed: 8 },
      uncertainty,
      labelDecoder,
    );

    const distances = seen.map(distance);
    expect(Math.max(...distances)).toBeLessThanOrEqual(3 + 1e-6);
    // Uniform in a disc: a quarter of the area lies within half the radius (a draw uniform
    // in radius would put half there). Seeded, so the share is fixed: within 0.25 +- 0.02.
    const inner = distances.filter((d) => d < 1.5).length / seen.length;
    expect(inner).toBeGreaterThan(0.23);
    expect(inner).toBeLessThan(0.27);
  });

  it('gives the same samples for the same seed and decodes only the kept ones', () => {
    const batches: number[] = [];
    const decode = (latents: readonly Float32Array[]) => {
      batches.push(latents.length);
      return labelDecoder(latents);
    };
    const options = { radius: 0.5, candidates: 20, keep: 4, seed: 11 };
    const byFirst = (latent: Float32Array) => latent[0]!;
    const first = uncertaintySamples(centre, options, byFirst, decode);
    const second = uncertaintySamples(centre, options, byFirst, decode);

    expect(second).toEqual(first);
    expect(batches).toEqual([4, 4]);
    const firsts = first.map(({ latent }) => latent[0]!);
    expect(firsts).toEqual([...firsts].sort((a, b) => b - a));
  });

  it.each([
    { case: 'keep above candidates', options: { keep: 6 }, message: /keep.*1\.\.5.*received 6/ },
    { case: 'keep 0', options: { keep: 0 }, message: /keep.*received 0/ },
    { case: 'no candidates', options: { candidates: 0 }, message: /candidates.*received 0/ },
    { case: 'radius 0', options: { radius: 0 }, message: /radius.*received 0/ },
  ])('refuses $case', ({ options, message }) => {
    const run = () =>
      uncertaintySamples(
        centre,
        { radius: 1, candidates: 5, keep: 2, seed: 1, ...options },
        () => 0,
        labelDecoder,
      );
    expect(run).toThrow(ValidationError);
    expect(run).toThrow(message);
  });

  it('refuses an uncertainty that is not a finite number', () => {
    const options = { radius: 1, candidates: 3, keep: 1, seed: 1 };
    expect(() => uncertaintySamples(centre, options, () => NaN, labelDecoder)).toThrow(
      /uncertainty: expected a finite score for candidate 0, received NaN/,
    );
  });
});
