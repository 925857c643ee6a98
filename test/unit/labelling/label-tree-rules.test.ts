import { describe, expect, it } from 'vitest';
import type { NewEvent } from '../../../events/catalog';
import { IllegalStateError } from '../../../events/errors';
import { formatTree, projectLabelTrees } from '../../../events/projections/label-tree';
import {
  refuseLabelChange,
  type LabelChange,
  type LabelEventType,
  type LabelTreeRefusal,
} from '../../../events/rules/label-tree-rules';
import { asRecorded, campaignFacts } from '../events/event-fixtures';
import { facts, mergeOf4And9, seededCampaign, splitOf358, treeAfter } from './label-story';

const merged = [...seededCampaign, mergeOf4And9];

const labelEventTypes: ReadonlySet<string> = new Set<LabelEventType>([
  'LabelCreated',
  'LabelsMerged',
  'LabelSplit',
  'LabelRenamed',
  'LabelMoved',
  'PointsRelabelled',
]);
const isLabelChange = (event: NewEvent): event is LabelChange & NewEvent =>
  labelEventTypes.has(event.type);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}

type Case = {
  refused: string;
  given: NewEvent[];
  proposed: LabelChange & NewEvent;
  code: LabelTreeRefusal['code'];
  message: string;
};

const refusals: Case[] = [
  {
    refused: 'a merge of a label with itself',
    given: seededCampaign,
    proposed: facts.labelsMerged(['l4', 'l4'], 'l44', '4|4'),
    code: 'ILLEGAL_STATE',
    message: 'cannot merge label l4 ("4") with itself',
  },
  {
    refused: 'a merge of a label with its own ancestor',
    given: merged,
    proposed: facts.labelsMerged(['l4', 'l49'], 'lx', 'x'),
    code: 'ILLEGAL_STATE',
    message:
      'cannot merge label l4 ("4") with l49 ("4|9"): l49 is an ancestor of l4, ' +
      'they already share a branch',
  },
  {
    refused: 'a merge of a label with its own descendant',
    given: merged,
    proposed: facts.labelsMerged(['l49', 'l9'], 'lx', 'x'),
    code: 'ILLEGAL_STATE',
    message:
      'cannot merge label l49 ("4|9") with l9 ("9"): l49 is an ancestor of l9, ' +
      'they already share a branch',
  },
  {
    refused: 'a merge of unknown labels',
    given: seededCampaign,
    proposed: facts.labelsMerged(['l5', 'l6'], 'l56', '5|6'),
    code: 'NOT_FOUND',
    message: 'labels l5, l6 do not exist in campaign c1',
  },
  {
    refused: 'a merge under an unknown existing parent',
    given: seededCampaign,
    proposed: facts.labelsMerged(['l4', 'l9'], 'l49'),
    code: 'NOT_FOUND',
    message: 'label l49 does not exist in campaign c1',
  },
  {
    refused: 'a merge under one of the merged labels',
    given: seededCampaign,
    proposed: facts.labelsMerged(['l4', 'l9'], 'l9'),
    code: 'ILLEGAL_STATE',
    message: 'cannot merge labels l4 and l9 under l9: a label cannot be its own parent',
  },
  {
    refused: 'a merge under a descendant of a merged label',
    given: merged,
    proposed: facts.labelsMerged(['l49', 'l7'], 'l4'),
    code: 'ILLEGAL_STATE',
    message:
      'cannot merge labels l49 and l7 under l4 ("4"): it lies below l49, so the tree would loop',
  },
  {
    refused: 'a merge of labels already children of the parent',
    given: merged,
    proposed: facts.labelsMerged(['l4', 'l9'], 'l49'),
    code: 'ILLEGAL_STATE',
    message: 'labels l4 and l9 are already children of l49',
  },
  {
    refused: 'a merge under a new parent whose id is taken',
    given: seededCampaign,
    proposed: facts.labelsMerged(['l4', 'l9'], 'l7', '4|9'),
    code: 'ILLEGAL_STATE',
    message: 'label id l7 is already taken by l7 ("7")',
  },
  {
    refused: 'a merge under a new parent named like a label beside it',
    given: seededCampaign,
    proposed: facts.labelsMerged(['l4', 'l9'], 'l49', '7'),
    code: 'VALIDATION',
    message:
      'labels l7 and l49 would both be named "7" at the top of the tree; sibling names must differ',
  },
  {
    refused: 'a merge bringing two labels of the same name together',
    given: [...merged, facts.labelCreated('l4b', '4')],
    proposed: facts.labelsMerged(['l4', 'l4b'], 'l44', '4 twice'),
    code: 'VALIDATION',
    message: 'labels l4 and l4b would both be named "4" under l44; sibling names must differ',
  },
  {
    refused: 'a move under the label itself',
    given: merged,
    proposed: facts.labelMoved('l49', 'l49'),
    code: 'ILLEGAL_STATE',
    message:
      'cannot move label l49 ("4|9") under l49 ("4|9"): that is the label itself or lies ' +
      'below it, so the tree would loop',
  },
  {
    refused: 'a move under its own descendant',
    given: merged,
    proposed: facts.labelMoved('l49', 'l4'),
    code: 'ILLEGAL_STATE',
    message:
      'cannot move label l49 ("4|9") under l4 ("4"): that is the label itself or lies ' +
      'below it, so the tree would loop',
  },
  {
    refused: 'a move to where the label already is',
    given: merged,
    proposed: facts.labelMoved('l4', 'l49'),
    code: 'ILLEGAL_STATE',
    message: 'label l4 is already under l49',
  },
  {
    refused: 'a move to the top of a label already there',
    given: merged,
    proposed: facts.labelMoved('l49', null),
    code: 'ILLEGAL_STATE',
    message: 'label l49 is already at the top of the tree',
  },
  {
    refused: 'a move of an unknown label',
    given: merged,
    proposed: facts.labelMoved('l6', 'l49'),
    code: 'NOT_FOUND',
    message: 'label l6 does not exist in campaign c1',
  },
  {
    refused: 'a move under an unknown label',
    given: merged,
    proposed: facts.labelMoved('l7', 'l6'),
    code: 'NOT_FOUND',
    message: 'label l6 does not exist in campaign c1',
  },
  {
    refused: 'a move beside a label of the same name',
    given: [...merged, facts.labelCreated('l4b', '4')],
    proposed: facts.labelMoved('l4b', 'l49'),
    code: 'VALIDATION',
    message: 'labels l4 and l4b would both be named "4" under l49; sibling names must differ',
  },
  {
    refused: 'a split into one child',
    given: seededCampaign,
    proposed: facts.labelSplit('l358', [{ labelId: 'l3', name: '3', pointIds: [3] }]),
    code: 'VALIDATION',
    message: 'a split of label l358 ("3/5/8") needs at least 2 children, got 1',
  },
  {
    refused: 'a split into children of the same name',
    given: seededCampaign,
    proposed: facts.labelSplit('l358', [
      { labelId: 'l3', name: '3', pointIds: [] },
      { labelId: 'l3b', name: '3', pointIds: [] },
    ]),
    code: 'VALIDATION',
    message: 'labels l3 and l3b would both be named "3" under l358; sibling names must differ',
  },
  {
    refused: 'a split into children of the same id',
    given: seededCampaign,
    proposed: facts.labelSplit('l358', [
      { labelId: 'l3', name: '3', pointIds: [] },
      { labelId: 'l3', name: '5', pointIds: [] },
    ]),
    code: 'VALIDATION',
    message: 'the split of label l358 names child l3 twice',
  },
  {
    refused: 'a split into a child whose id is taken',
    given: seededCampaign,
    proposed: facts.labelSplit('l358', [
      { labelId: 'l3', name: '3', pointIds: [] },
      { labelId: 'l7', name: '5', pointIds: [] },
    ]),
    code: 'ILLEGAL_STATE',
    message: 'label id l7 is already taken by l7 ("7")',
  },
  {
    refused: 'a split of an unknown label',
    given: seededCampaign,
    proposed: facts.labelSplit('l6', [
      { labelId: 'l3', name: '3', pointIds: [] },
      { labelId: 'l5', name: '5', pointIds: [] },
    ]),
    code: 'NOT_FOUND',
    message: 'label l6 does not exist in campaign c1',
  },
  {
    refused: 'a split moving points of another label',
    given: seededCampaign,
    proposed: facts.labelSplit('l358', [
      { labelId: 'l3', name: '3', pointIds: [3, 0] },
      { labelId: 'l5', name: '5', pointIds: [7] },
    ]),
    code: 'ILLEGAL_STATE',
    message:
      'points 0, 7 do not carry label l358 ("3/5/8"); ' +
      'a split only moves the points of the label it splits',
  },
  {
    refused: 'a split moving one point to two children',
    given: seededCampaign,
    proposed: facts.labelSplit('l358', [
      { labelId: 'l3', name: '3', pointIds: [3] },
      { labelId: 'l5', name: '5', pointIds: [3, 4] },
    ]),
    code: 'VALIDATION',
    message: 'point 3 is listed twice',
  },
  {
    refused: 'a rename to the name the label has',
    given: seededCampaign,
    proposed: facts.labelRenamed('l7', '7'),
    code: 'ILLEGAL_STATE',
    message: 'label l7 is already named "7"',
  },
  {
    refused: 'a rename to the name of a sibling',
    given: seededCampaign,
    proposed: facts.labelRenamed('l7', '4'),
    code: 'VALIDATION',
    message:
      'labels l4 and l7 would both be named "4" at the top of the tree; sibling names must differ',
  },
  {
    refused: 'a rename of an unknown label',
    given: seededCampaign,
    proposed: facts.labelRenamed('l6', 'six'),
    code: 'NOT_FOUND',
    message: 'label l6 does not exist in campaign c1',
  },
  {
    refused: 'a label created with a taken id',
    given: seededCampaign,
    proposed: facts.labelCreated('l4', 'four'),
    code: 'ILLEGAL_STATE',
    message: 'label id l4 is already taken by l4 ("4")',
  },
  {
    refused: 'a label created under an unknown parent',
    given: seededCampaign,
    proposed: facts.labelCreated('l6', '6', 'l56'),
    code: 'NOT_FOUND',
    message: 'label l56 does not exist in campaign c1',
  },
  {
    refused: 'a label created with the name of a sibling',
    given: seededCampaign,
    proposed: facts.labelCreated('l4b', '4'),
    code: 'VALIDATION',
    message:
      'labels l4 and l4b would both be named "4" at the top of the tree; sibling names must differ',
  },
  {
    refused: 'a relabel to an unknown label',
    given: seededCampaign,
    proposed: facts.pointsRelabelled([0], 'l6', 'alice'),
    code: 'NOT_FOUND',
    message: 'label l6 does not exist in campaign c1',
  },
  {
    refused: 'a relabel of points outside the dataset',
    given: seededCampaign,
    proposed: facts.pointsRelabelled([1999, 2000, 2001], 'l4', 'alice'),
    code: 'NOT_FOUND',
    message:
      'points 2000, 2001 do not exist: the dataset of campaign c1 has 2000 points ' +
      '(ids 0 to 1999)',
  },
  {
    refused: 'a relabel of many points outside the dataset',
    given: seededCampaign,
    proposed: facts.pointsRelabelled([0, 2000, 2001, 2002, 2003, 2004, 2005, 2006], 'l4', 'alice'),
    code: 'NOT_FOUND',
    message:
      'points 2000, 2001, 2002, 2003, 2004 and 2 more do not exist: the dataset of ' +
      'campaign c1 has 2000 points (ids 0 to 1999)',
  },
  {
    refused: 'a relabel listing a point twice',
    given: seededCampaign,
    proposed: facts.pointsRelabelled([5, 6, 5, 6, 1], 'l4'),
    code: 'VALIDATION',
    message: 'points 5, 6 are listed twice',
  },
  {
    refused: 'a relabel before the dataset is registered',
    given: [facts.started(), facts.labelCreated('l4', '4')],
    proposed: facts.pointsRelabelled([0], 'l4', 'alice'),
    code: 'ILLEGAL_STATE',
    message: 'campaign c1 has no dataset registered, so it has no points to label',
  },
];

describe('label tree rules', () => {
  it.each(refusals)('refuse $refused with a $code naming what and why', (refusal) => {
    const tree = treeAfter(refusal.given);

    expect(refuseLabelChange(tree, refusal.proposed)).toEqual({
      code: refusal.code,
      message: refusal.message,
    });
  });

  it.each(refusals)('leave the tree unchanged after refusing $refused', (refusal) => {
    const tree = deepFreeze(treeAfter(refusal.given));
    const before = formatTree(tree);

    // A frozen tree throws on any write, so a rule that modified it would fail here.
    refuseLabelChange(tree, refusal.proposed);

    expect(formatTree(tree)).toBe(before);
    expect(tree).toEqual(treeAfter(refusal.given));
  });

  it.each(refusals)(
    'make the projection stop with an error naming a recorded $refused',
    (refusal) => {
      const recorded = asRecorded([...refusal.given, refusal.proposed]);
      const { eventId, position } = recorded[recorded.length - 1]?.metadata ?? {};

      const fold = () => projectLabelTrees(recorded);

      expect(fold).toThrow(IllegalStateError);
      expect(fold).toThrow(
        `recorded ${refusal.proposed.type} event ${eventId} at position ${position} breaks ` +
          `the label tree rules (${refusal.code}): ${refusal.message}`,
      );
    },
  );

  const story = [
    ...merged,
    splitOf358,
    facts.labelMoved('l7', 'l49'),
    facts.labelRenamed('l7', 'seven'),
  ];
  const labelChanges = story.flatMap((event, index) =>
    isLabelChange(event) ? [{ type: event.type, before: story.slice(0, index), event }] : [],
  );

  it.each(labelChanges)('accept the $type of a consistent story', ({ before, event }) => {
    expect(refuseLabelChange(treeAfter(before), event)).toBeNull();
  });

  it('refuse a change of another campaign', () => {
    const tree = treeAfter(seededCampaign);
    const proposed = campaignFacts('c2').labelCreated('l6', '6');

    expect(refuseLabelChange(tree, proposed)).toEqual({
      code: 'VALIDATION',
      message: 'a LabelCreated of campaign c2 cannot change the label tree of campaign c1',
    });
  });
});
