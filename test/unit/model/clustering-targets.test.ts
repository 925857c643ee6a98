import { describe, expect, it } from 'vitest';

import { clusteringTargets } from '../../../activities/model/clustering-targets';

// Six points on a line, two clusters given: {0, 1, 2} around 1 and {3, 4, 5} around 11.
const embedding = Float32Array.from([0, 1, 2, 10, 11, 12]);
const assignments = Int32Array.from([0, 0, 0, 1, 1, 1]);
const base = { embedding, count: 6, width: 1, clusters: 2, space: 'embedding' as const, seed: 1 };
const following = { ...base, assignments, followLabelledMajority: true };

describe('the k-means loss targets of an epoch', () => {
  it('pulls every image to the mean of its cluster when nothing is labelled', () => {
    const { targets } = clusteringTargets({ ...base, assignments });
    expect(Array.from(targets)).toEqual([1, 1, 1, 11, 11, 11]);
  });

  it('finds the same clusters itself with k-means', () => {
    const { targets, assignments: found } = clusteringTargets(base);
    expect(Array.from(targets)).toEqual([1, 1, 1, 11, 11, 11]);
    expect(found[0]).not.toBe(found[3]);
  });

  it('pulls labelled images to their class mean, and their cluster mates with them', () => {
    // Points 0 and 1 are class 0, point 3 is class 1; class means 0.5 and 10.
    const classOf = Int32Array.from([0, 0, -1, 1, -1, -1]);
    const { targets } = clusteringTargets({ ...following, classOf });
    expect(Array.from(targets)).toEqual([0.5, 0.5, 0.5, 10, 10, 10]);
  });

  it('leaves unlabelled images with their cluster unless told to follow the labels', () => {
    const classOf = Int32Array.from([0, 0, -1, 1, -1, -1]);
    const { targets } = clusteringTargets({ ...base, assignments, classOf });
    expect(Array.from(targets)).toEqual([0.5, 0.5, 1, 10, 11, 11]);
  });

  it('keeps the cluster mean for a cluster without any labelled image', () => {
    const classOf = Int32Array.from([0, -1, -1, -1, -1, -1]);
    const { targets } = clusteringTargets({ ...following, classOf });
    expect(Array.from(targets)).toEqual([0, 0, 0, 11, 11, 11]);
  });

  it('lets a labelled image keep its class even inside a cluster of another class', () => {
    // Point 2 is class 1 but sits in cluster 0, whose labelled majority is class 0.
    const classOf = Int32Array.from([0, 0, 1, 1, -1, -1]);
    const { targets } = clusteringTargets({ ...following, classOf });
    expect(Array.from(targets)).toEqual([0.5, 0.5, 6, 6, 6, 6]);
  });
});
