import { describe, expect, it } from 'vitest';

import { rightPlainAnswer } from '../../../client/scripted-expert';
import { labelTreeOf, projectLabelTrees } from '../../../events/projections/label-tree';
import { asRecorded, campaignFacts } from '../events/event-fixtures';

// Points 0-5 are the digits 4, 9, 4, 9, 1, 7; the labels name them the way experts would.
const truth = [4, 9, 4, 9, 1, 7];
const facts = campaignFacts('c1');
const tree = labelTreeOf(
  projectLabelTrees(
    asRecorded([
      facts.started(),
      facts.datasetRegistered(),
      facts.labelCreated('f', '4|9'),
      facts.labelCreated('one', '1'),
      facts.labelCreated('odd', 'odd shapes'),
      facts.pointsRelabelled([0, 1, 2, 3], 'f', 'olga', 'initial'),
      facts.pointsRelabelled([4], 'one', 'olga', 'initial'),
      facts.labelSplit('f', [
        { labelId: 'f1', name: 'fours', pointIds: [0, 2] },
        { labelId: 'f2', name: 'nines', pointIds: [1, 3] },
      ]),
    ]),
  ),
  'c1',
);

describe('how a scripted expert reads the labels of a plain query', () => {
  it.each([
    [['1', 'fours', 'nines'], 1, '1'],
    [['1', 'fours', 'nines'], 9, 'nines'],
    [['1', '4|9'], 4, '4|9'],
    [['1', 'odd shapes'], 7, undefined],
  ])('options %j, digit %d: answers %s', (options, digit, expected) => {
    expect(rightPlainAnswer(tree, options, digit, truth)).toBe(expected);
  });
});
