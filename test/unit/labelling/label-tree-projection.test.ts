import { describe, expect, it } from 'vitest';
import type { NewEvent } from '../../../events/catalog';
import { NotFoundError, ValidationError } from '../../../events/errors';
import {
  ancestorsOf,
  formatTree,
  labelAtLevel,
  labelOfPoint,
  labelTreeOf,
  leavesOf,
  pointsWithLabel,
  projectLabelTrees,
} from '../../../events/projections/label-tree';
import { asRecorded, campaignFacts } from '../events/event-fixtures';
import { facts, mergeOf4And9, seededCampaign, splitOf358, treeAfter } from './label-story';

const lines = (...given: string[]) => given.join('\n');

const changes: { when: string; given: NewEvent[]; then: string }[] = [
  {
    when: 'the seed labels are created and points labelled',
    given: seededCampaign,
    then: lines('4 (l4): 2 points', '9 (l9): 1 point', '3/5/8 (l358): 4 points', '7 (l7): 1 point'),
  },
  {
    when: '4 and 9 are merged under a new parent "4|9"',
    given: [...seededCampaign, mergeOf4And9],
    then: lines(
      '3/5/8 (l358): 4 points',
      '7 (l7): 1 point',
      '4|9 (l49)',
      '  4 (l4): 2 points',
      '  9 (l9): 1 point',
    ),
  },
  {
    when: '4 and 9 are merged under an existing label',
    given: [
      ...seededCampaign,
      facts.labelCreated('lx', '4 or 9'),
      facts.labelsMerged(['l4', 'l9'], 'lx'),
    ],
    then: lines(
      '3/5/8 (l358): 4 points',
      '7 (l7): 1 point',
      '4 or 9 (lx)',
      '  4 (l4): 2 points',
      '  9 (l9): 1 point',
    ),
  },
  {
    when: 'a child of a label is merged with a stranger under it: the child keeps its place',
    given: [...seededCampaign, mergeOf4And9, facts.labelsMerged(['l4', 'l7'], 'l49')],
    then: lines(
      '3/5/8 (l358): 4 points',
      '4|9 (l49)',
      '  4 (l4): 2 points',
      '  9 (l9): 1 point',
      '  7 (l7): 1 point',
    ),
  },
  {
    when: 'labels of different branches are merged: the new parent goes where they meet',
    given: [...seededCampaign, mergeOf4And9, facts.labelsMerged(['l9', 'l7'], 'l79', '7|9')],
    then: lines(
      '3/5/8 (l358): 4 points',
      '4|9 (l49)',
      '  4 (l4): 2 points',
      '7|9 (l79)',
      '  9 (l9): 1 point',
      '  7 (l7): 1 point',
    ),
  },
  {
    when: 'the fused "3/5/8" is split into three siblings',
    given: [...seededCampaign, splitOf358],
    then: lines(
      '4 (l4): 2 points',
      '9 (l9): 1 point',
      '3/5/8 (l358)',
      '  3 (l3): 1 point',
      '  5 (l5): 2 points',
      '  8 (l8): 1 point',
      '7 (l7): 1 point',
    ),
  },
  {
    when: 'a split moves only some points: the others stay on the split label',
    given: [
      ...seededCampaign,
      facts.labelSplit('l358', [
        { labelId: 'l3', name: '3', pointIds: [3] },
        { labelId: 'l58', name: '5/8', pointIds: [] },
      ]),
    ],
    then: lines(
      '4 (l4): 2 points',
      '9 (l9): 1 point',
      '3/5/8 (l358): 3 points',
      '  3 (l3): 1 point',
      '  5/8 (l58)',
      '7 (l7): 1 point',
    ),
  },
  {
    when: 'two split children are merged: the new parent stays under the split label',
    given: [...seededCampaign, splitOf358, facts.labelsMerged(['l5', 'l8'], 'l58', '5|8')],
    then: lines(
      '4 (l4): 2 points',
      '9 (l9): 1 point',
      '3/5/8 (l358)',
      '  3 (l3): 1 point',
      '  5|8 (l58)',
      '    5 (l5): 2 points',
      '    8 (l8): 1 point',
      '7 (l7): 1 point',
    ),
  },
  {
    when: '7 is renamed "seven"',
    given: [...seededCampaign, facts.labelRenamed('l7', 'seven')],
    then: lines(
      '4 (l4): 2 points',
      '9 (l9): 1 point',
      '3/5/8 (l358): 4 points',
      'seven (l7): 1 point',
    ),
  },
  {
    when: '7 is moved under "4|9"',
    given: [...seededCampaign, mergeOf4And9, facts.labelMoved('l7', 'l49')],
    then: lines(
      '3/5/8 (l358): 4 points',
      '4|9 (l49)',
      '  4 (l4): 2 points',
      '  9 (l9): 1 point',
      '  7 (l7): 1 point',
    ),
  },
  {
    when: '4 is moved back to the top',
    given: [...seededCampaign, mergeOf4And9, facts.labelMoved('l4', null)],
    then: lines(
      '3/5/8 (l358): 4 points',
      '7 (l7): 1 point',
      '4|9 (l49)',
      '  9 (l9): 1 point',
      '4 (l4): 2 points',
    ),
  },
  {
    when: 'an expert lassoes points 2 and 3 into 4',
    given: [...seededCampaign, facts.pointsRelabelled([2, 3], 'l4', 'alice', 'lasso')],
    then: lines('4 (l4): 4 points', '9 (l9)', '3/5/8 (l358): 3 points', '7 (l7): 1 point'),
  },
  {
    when: 'a vote relabels point 7 into 9',
    given: [...seededCampaign, facts.pointsRelabelled([7], 'l9')],
    then: lines('4 (l4): 2 points', '9 (l9): 2 points', '3/5/8 (l358): 4 points', '7 (l7)'),
  },
];

describe('the label tree projection', () => {
  it.each(changes)('when $when, shows the tree it leads to', ({ given, then }) => {
    expect(formatTree(treeAfter(given))).toBe(then);
  });

  it('moves the points of a split to the children that take them', () => {
    const tree = treeAfter([...seededCampaign, splitOf358]);

    expect(['l358', 'l3', 'l5', 'l8'].map((labelId) => pointsWithLabel(tree, labelId))).toEqual([
      [],
      [3],
      [4, 5],
      [6],
    ]);
  });

  it('keeps the leaf label of every point through a merge', () => {
    const before = treeAfter(seededCampaign);
    const after = treeAfter([...seededCampaign, mergeOf4And9]);

    expect(after.pointLabels).toEqual(before.pointLabels);
    expect([0, 1, 2].map((pointId) => labelOfPoint(after, pointId))).toEqual(['l4', 'l4', 'l9']);
  });

  it('records the store position that created each label and the dataset size', () => {
    const tree = treeAfter([...seededCampaign, mergeOf4And9]);

    expect(tree.labels['l4']?.createdAtPosition).toBe(3);
    expect(tree.labels['l49']).toEqual({
      labelId: 'l49',
      name: '4|9',
      parentId: null,
      children: ['l4', 'l9'],
      createdAtPosition: seededCampaign.length + 1,
    });
    expect(tree.pointCount).toBe(2000);
  });

  it('keeps each campaign in its own tree', () => {
    const other = campaignFacts('c2');
    const trees = projectLabelTrees(
      asRecorded([...seededCampaign, other.started(), other.labelCreated('l4', 'four')]),
    );

    expect(formatTree(labelTreeOf(trees, 'c2'))).toBe('four (l4)');
    expect(formatTree(labelTreeOf(trees, 'c3'))).toBe('(no labels)');
  });
});

describe('label tree queries', () => {
  const nested = [
    ...seededCampaign,
    mergeOf4And9,
    splitOf358,
    facts.labelsMerged(['l5', 'l8'], 'l58', '5|8'),
  ];
  const tree = treeAfter(nested);

  it.each([
    { labelId: 'l5', ancestors: ['l58', 'l358'] },
    { labelId: 'l3', ancestors: ['l358'] },
    { labelId: 'l358', ancestors: [] },
  ])('finds the ancestors of $labelId, parent first', ({ labelId, ancestors }) => {
    expect(ancestorsOf(tree, labelId)).toEqual(ancestors);
  });

  it.each([
    { labelId: undefined, leaves: ['l3', 'l5', 'l8', 'l7', 'l4', 'l9'] },
    { labelId: 'l358', leaves: ['l3', 'l5', 'l8'] },
    { labelId: 'l49', leaves: ['l4', 'l9'] },
    { labelId: 'l7', leaves: ['l7'] },
  ])('finds the leaves under $labelId, depth first', ({ labelId, leaves }) => {
    expect(leavesOf(tree, labelId)).toEqual(leaves);
  });

  it.each([
    { pointId: 4, depth: 0, label: 'l358' },
    { pointId: 4, depth: 1, label: 'l58' },
    { pointId: 4, depth: 2, label: 'l5' },
    { pointId: 4, depth: 7, label: 'l5' },
    { pointId: 3, depth: 0, label: 'l358' },
    { pointId: 3, depth: 2, label: 'l3' },
    { pointId: 0, depth: 0, label: 'l49' },
    { pointId: 2, depth: 0, label: 'l49' },
    { pointId: 2, depth: 1, label: 'l9' },
    { pointId: 7, depth: 0, label: 'l7' },
    { pointId: 7, depth: 3, label: 'l7' },
    { pointId: 100, depth: 0, label: null },
  ])('sees point $pointId at depth $depth as $label', ({ pointId, depth, label }) => {
    expect(labelAtLevel(tree, pointId, depth)).toBe(label);
  });

  it('makes 4 and 9 one class at the parent level and two at the leaf level', () => {
    const classes = (depth: number) => new Set([0, 2].map((p) => labelAtLevel(tree, p, depth)));

    expect(classes(0)).toEqual(new Set(['l49']));
    expect(classes(1)).toEqual(new Set(['l4', 'l9']));
  });

  it.each([-1, 1.5, Number.NaN])('refuses depth %s with a ValidationError', (depth) => {
    expect(() => labelAtLevel(tree, 0, depth)).toThrow(ValidationError);
    expect(() => labelAtLevel(tree, 0, depth)).toThrow(
      `depth must be an integer >= 0, got ${depth}`,
    );
  });

  it.each([
    { query: 'ancestorsOf', run: () => ancestorsOf(tree, 'l6') },
    { query: 'leavesOf', run: () => leavesOf(tree, 'l6') },
  ])('$query of an unknown label throws a NotFoundError naming it', ({ run }) => {
    expect(run).toThrow(NotFoundError);
    expect(run).toThrow('label l6 does not exist in campaign c1');
  });
});
