import { describe, expect, it } from 'vitest';

import { latentUncertainty } from '../../../activities/round/latent-uncertainty';

const latent = (...values: number[]) => Float32Array.from(values);

// Two clusters of two points each on a line: cluster 0 around x = 0, cluster 1 around x = 10.
const embedding = latent(-1, 1, 9, 11);
const clusters = Int32Array.from([0, 0, 1, 1]);

/** A model stub: decoding keeps the latent, the head's probabilities are given by a table. */
const modelWith = (probabilities: (image: Float32Array) => number[]) => ({
  decode: (values: Float32Array) => values.slice(),
  classify: (image: Float32Array) => Float32Array.from(probabilities(image)),
});
const noHead = modelWith(() => {
  throw new Error('a model without a head is never asked to classify');
});

describe('latentUncertainty', () => {
  it('scores by the soft assignment to the clusters when the model has no head', () => {
    const uncertainty = latentUncertainty(noHead, embedding, 1, clusters, 0);
    expect(uncertainty.kind).toBe('cluster-entropy');
    // Halfway between the clusters' means (0 and 10): evenly torn, entropy 1.
    expect(uncertainty.score(latent(5))).toBeCloseTo(1, 6);
    // On a mean, 100 squared units from the other against a temperature of 1: certain.
    expect(uncertainty.score(latent(0))).toBeLessThan(1e-6);
    expect(uncertainty.score(latent(4))).toBeGreaterThan(uncertainty.score(latent(2)));
  });

  it.each([
    { probabilities: [0.25, 0.25, 0.25, 0.25], score: 1 },
    { probabilities: [1, 0, 0, 0], score: 0 },
    { probabilities: [0.5, 0.5, 0, 0], score: 0.5 },
  ])('scores $probabilities by the head entropy', ({ probabilities, score }) => {
    const uncertainty = latentUncertainty(
      modelWith(() => probabilities),
      embedding,
      1,
      clusters,
      4,
    );
    expect(uncertainty.kind).toBe('head-entropy');
    expect(uncertainty.score(latent(3))).toBeCloseTo(score, 6);
  });

  it('classifies the decoded sample, clipped to the pixel range', () => {
    const seen: number[][] = [];
    const model = modelWith((image) => {
      seen.push(Array.from(image));
      return [0.5, 0.5];
    });
    const pixels = latentUncertainty(model, latent(-1, 1), 2, Int32Array.from([0]), 2);
    pixels.score(latent(-0.5, 0.25));
    pixels.score(latent(1.75, 1));
    expect(seen).toEqual([
      [0, 0.25],
      [1, 1],
    ]);
  });
});
