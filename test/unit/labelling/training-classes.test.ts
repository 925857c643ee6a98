import { describe, expect, it } from 'vitest';

import {
  answerLabels,
  mergeParentsOf,
  trainingClasses,
} from '../../../activities/labelling/training-classes';
import { labelTreeOf, projectLabelTrees } from '../../../events/projections/label-tree';
import { asRecorded, campaignFacts } from '../events/event-fixtures';

const facts = campaignFacts('c1');

describe('the classes the cross-entropy loss learns', () => {
  it('lifts merged labels to their merge parent and keeps split children apart', () => {
    const events = asRecorded([
      facts.started(),
      facts.datasetRegistered(),
      facts.labelCreated('a', '1a'),
      facts.labelCreated('b', '1b'),
      facts.labelCreated('f', '4|9'),
      facts.pointsRelabelled([0, 1], 'a', 'olga', 'initial'),
      facts.pointsRelabelled([2], 'b', 'olga', 'initial'),
      facts.pointsRelabelled([3, 4, 5], 'f', 'olga', 'initial'),
      facts.labelsMerged(['a', 'b'], 'ones', '1a + 1b'),
      facts.labelSplit('f', [
        { labelId: 'f1', name: '4', pointIds: [3] },
        { labelId: 'f2', name: '9', pointIds: [4] },
      ]),
    ]);
    const tree = labelTreeOf(projectLabelTrees(events), 'c1');
    const merged = mergeParentsOf(events);
    expect([...merged]).toEqual(['ones']);
    expect(trainingClasses(tree, merged)).toEqual({
      classIds: ['f', 'f1', 'f2', 'ones'],
      pointIds: [0, 1, 2, 3, 4, 5],
      classes: [3, 3, 3, 1, 2, 0],
    });
    // f keeps point 5, which the split did not move: it stays an answer beside its children.
    expect(answerLabels(tree, merged)).toEqual(['f', 'f1', 'f2', 'ones']);
  });
});
