import { describe, expect, it } from 'vitest';
import { labelAccuracy } from '../../../activities/labelling/label-accuracy';
import { ValidationError } from '../../../events/errors';
import { mergeOf4And9, seededCampaign, treeAfter } from './label-story';

// Labelled: l4 on points 0, 1; l9 on 2; l358 on 3-6; l7 on 7. After the merge l4 and l9 sit
// under l49; l358 and l7 stay at the top, so depth 0 sees l49, l358, l7.
const merged = treeAfter([...seededCampaign, mergeOf4And9]);

// Point:        0  1  2  3  4  5  6  7  8  9 10 11
const truth = [4, 4, 9, 3, 5, 5, 8, 7, 4, 9, 5, 7];
const clusters = Int32Array.from([0, 0, 1, 2, 2, 2, 2, 3, 0, 1, 2, 3]);

describe('labelAccuracy', () => {
  // Leaves: cluster 0 -> l4 -> 4 (points 0, 1, 8 right), 1 -> l9 -> 9 (2, 9 right),
  // 2 -> l358 -> 5 (its labels 3, 5, 5, 8: points 4, 5, 10 right, 3 and 6 wrong),
  // 3 -> l7 -> 7 (7, 11 right): 10 of 12.
  // Depth 0: l49 holds 4, 4, 9 -> 4, so cluster 1 (two 9s) turns wrong: 8 of 12.
  it.each([
    {
      level: 'the labels points carry',
      depth: undefined,
      accuracy: 10 / 12,
      labels: [
        { labelId: 'l358', labelled: 4, trueClass: 5, purity: 0.5 },
        { labelId: 'l4', labelled: 2, trueClass: 4, purity: 1 },
        { labelId: 'l7', labelled: 1, trueClass: 7, purity: 1 },
        { labelId: 'l9', labelled: 1, trueClass: 9, purity: 1 },
      ],
    },
    {
      level: 'the top of the tree',
      depth: 0,
      accuracy: 8 / 12,
      labels: [
        { labelId: 'l358', labelled: 4, trueClass: 5, purity: 0.5 },
        { labelId: 'l49', labelled: 3, trueClass: 4, purity: 2 / 3 },
        { labelId: 'l7', labelled: 1, trueClass: 7, purity: 1 },
      ],
    },
    {
      level: 'a depth below every leaf, which keeps the leaves',
      depth: 5,
      accuracy: 10 / 12,
      labels: [
        { labelId: 'l358', labelled: 4, trueClass: 5, purity: 0.5 },
        { labelId: 'l4', labelled: 2, trueClass: 4, purity: 1 },
        { labelId: 'l7', labelled: 1, trueClass: 7, purity: 1 },
        { labelId: 'l9', labelled: 1, trueClass: 9, purity: 1 },
      ],
    },
  ])('scores $level', ({ depth, accuracy, labels }) => {
    expect(labelAccuracy(merged, clusters, truth, depth)).toEqual({
      depth: depth ?? null,
      accuracy,
      labelCount: labels.length,
      labels,
    });
  });

  // Cluster 0 holds l4 (point 0) and l9 (point 2) once each: the tie goes to l4, so point 0
  // is right and points 2 and 8 (both 9) wrong; cluster 1 -> l4: point 1 right; cluster 2
  // -> l358 -> 5: points 4, 5 right. Points 7 (labelled l7) and 9 (a 7) are right when both
  // sit in cluster 3, wrong when both lie outside every cluster (-1): no cluster predicts.
  it.each([
    { where: 'in one cluster', clusterOf7And9: 3, accuracy: 6 / 10 },
    { where: 'outside every cluster', clusterOf7And9: -1, accuracy: 4 / 10 },
  ])('breaks a tie by label id, and predicts points $where', ({ clusterOf7And9: c, accuracy }) => {
    const tree = treeAfter(seededCampaign);
    const tied = Int32Array.from([0, 1, 0, 2, 2, 2, 2, c, 0, c]);
    expect(labelAccuracy(tree, tied, [4, 4, 9, 3, 5, 5, 8, 7, 9, 7]).accuracy).toBe(accuracy);
  });

  it('predicts nothing in a cluster without labelled points', () => {
    const tree = treeAfter(seededCampaign);
    const alone = Int32Array.from([0, 0, 1, 2, 2, 2, 2, 3, 4, 4]);
    // Everything right but points 8 and 9, alone in cluster 4 (and 3, 6: l358 stands for 5).
    expect(labelAccuracy(tree, alone, [4, 4, 9, 3, 5, 5, 8, 7, 4, 4]).accuracy).toBe(6 / 10);
  });

  it.each([
    { case: 'fewer classes than clusters', clusters: new Int32Array(12), truth: truth.slice(1) },
    { case: 'a labelled point beyond them', clusters: new Int32Array(5), truth: [1, 2, 3, 4, 5] },
  ])('refuses $case', (given) => {
    expect(() => labelAccuracy(merged, given.clusters, given.truth)).toThrow(ValidationError);
  });
});
