import { describe, expect, it } from 'vitest';
import type { PairDecision } from '../../../activities/labelling/pair-decision';
import type { LabelPair } from '../../../activities/labelling/spread-pairs';
import {
  mayMerge,
  treeChangesOf,
  type DecidedPair,
  type PairChange,
} from '../../../activities/labelling/tree-changes';
import type { NewEvent } from '../../../events/catalog';
import { formatTree } from '../../../events/projections/label-tree';
import { facts, mergeOf4And9, seededCampaign, splitOf358, treeAfter } from './label-story';

// The story's tree: l4 (points 0, 1), l9 (2), l358 "3/5/8" (3-6), l7 (7), all at the top.
const seeded = treeAfter(seededCampaign);

const collide = (pairId: string, a: string, b: string, pointIds = [[0], [2]]): LabelPair => ({
  pairId,
  kind: 'labels-collide',
  groups: [
    { labelId: a, pointIds: pointIds[0]! },
    { labelId: b, pointIds: pointIds[1]! },
  ],
});

const spread = (pairId: string, labelId: string, a: number[], b: number[]): LabelPair => ({
  pairId,
  kind: 'label-spread',
  groups: [
    { labelId, clusterId: 0, pointIds: a },
    { labelId, clusterId: 1, pointIds: b },
  ],
});

const decided = (
  pair: LabelPair,
  decision: PairDecision,
  newLabelIds: [string, string] = [`${pair.pairId}.l1`, `${pair.pairId}.l2`],
): DecidedPair => ({ pair, decision, voteQueryIds: [`${pair.pairId}.q1`], newLabelIds });

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}

/** The story's tree once the accepted changes are recorded, as the store would fold them. */
const withChanges = (given: NewEvent[], changes: PairChange[]) =>
  formatTree(
    treeAfter([...given, ...changes.map((change, i) => ({ ...change, eventId: `e${i}` }))]),
  );

describe('treeChangesOf', () => {
  it('merges two colliding labels the votes find the same under a new parent "A + B"', () => {
    const { accepted, refused } = treeChangesOf(seeded, [
      decided(collide('p1', 'l4', 'l9'), 'same'),
    ]);

    expect(refused).toEqual([]);
    expect(accepted).toEqual([
      {
        type: 'LabelsMerged',
        data: {
          campaignId: 'c1',
          labelIds: ['l4', 'l9'],
          parentId: 'p1.l1',
          newParent: true,
          name: '4 + 9',
          reason: 'labels collide and the votes along pair p1 find one class',
          voteQueryIds: ['p1.q1'],
        },
      },
    ]);
    expect(withChanges(seededCampaign, accepted)).toBe(
      [
        '3/5/8 (l358): 4 points',
        '7 (l7): 1 point',
        '4 + 9 (p1.l1)',
        '  4 (l4): 2 points',
        '  9 (l9): 1 point',
      ].join('\n'),
    );
  });

  it('splits a spread label the votes find different into two children with its groups', () => {
    const pair = spread('p2', 'l358', [3, 4], [6]);
    const { accepted, refused } = treeChangesOf(seeded, [decided(pair, 'different')]);

    expect(refused).toEqual([]);
    expect(accepted).toEqual([
      {
        type: 'LabelSplit',
        data: {
          campaignId: 'c1',
          labelId: 'l358',
          children: [
            { labelId: 'p2.l1', name: '3/5/8 (1)', pointIds: [3, 4] },
            { labelId: 'p2.l2', name: '3/5/8 (2)', pointIds: [6] },
          ],
          reason: 'label spreads over two clusters and the votes along pair p2 find two classes',
          voteQueryIds: ['p2.q1'],
        },
      },
    ]);
    expect(withChanges(seededCampaign, accepted)).toContain(
      [
        '3/5/8 (l358): 1 point',
        '  3/5/8 (1) (p2.l1): 2 points',
        '  3/5/8 (2) (p2.l2): 1 point',
      ].join('\n'),
    );
  });

  it.each([
    { pair: collide('p', 'l4', 'l9'), decision: 'different' },
    { pair: collide('p', 'l4', 'l9'), decision: 'undecided' },
    { pair: spread('p', 'l358', [3], [6]), decision: 'same' },
    { pair: spread('p', 'l358', [3], [6]), decision: 'undecided' },
  ] as const)('changes nothing for $pair.kind decided $decision', ({ pair, decision }) => {
    expect(treeChangesOf(seeded, [decided(pair, decision)])).toEqual({ accepted: [], refused: [] });
  });

  it('creates "neither A nor B" beside two colliding labels the votes place apart', () => {
    const given = [...seededCampaign, mergeOf4And9];
    const { accepted, refused } = treeChangesOf(treeAfter(given), [
      decided(collide('p1', 'l4', 'l9'), 'third-class'),
      decided(collide('p2', 'l358', 'l7'), 'third-class'),
    ]);

    expect(refused).toEqual([]);
    expect(accepted[0]).toEqual({
      type: 'LabelCreated',
      data: {
        campaignId: 'c1',
        labelId: 'p1.l1',
        name: 'neither 4 nor 9',
        parentId: 'l49',
        reason: 'most votes along pair p1 place its samples in neither group',
        voteQueryIds: ['p1.q1'],
      },
    });
    expect(withChanges(given, accepted)).toBe(
      [
        '3/5/8 (l358): 4 points',
        '7 (l7): 1 point',
        '4|9 (l49)',
        '  4 (l4): 2 points',
        '  9 (l9): 1 point',
        '  neither 4 nor 9 (p1.l1)',
        'neither 3/5/8 nor 7 (p2.l1)',
      ].join('\n'),
    );
  });

  it('creates "neither group of A" beside a spread label, once under one parent', () => {
    const { accepted, refused } = treeChangesOf(seeded, [
      decided(spread('p1', 'l358', [3], [6]), 'third-class'),
      decided(spread('p2', 'l358', [4], [5]), 'third-class'),
    ]);

    expect(accepted.map(({ type, data }) => [type, 'name' in data && data.name])).toEqual([
      ['LabelCreated', 'neither group of 3/5/8'],
    ]);
    expect(refused.map(({ pairId, refusal }) => [pairId, refusal.code, refusal.message])).toEqual([
      [
        'p2',
        'VALIDATION',
        'labels p1.l1 and p2.l1 would both be named "neither group of 3/5/8" at the top of ' +
          'the tree; sibling names must differ',
      ],
    ]);
  });

  it.each([
    {
      case: 'a merge of a label with itself',
      given: seededCampaign,
      pair: collide('p1', 'l4', 'l4'),
      message: 'cannot merge label l4 ("4") with itself',
    },
    {
      case: 'a merge of a label with its own ancestor',
      given: [...seededCampaign, mergeOf4And9],
      pair: collide('p1', 'l4', 'l49'),
      message:
        'cannot merge label l4 ("4") with l49 ("4|9"): l49 is an ancestor of l4, ' +
        'they already share a branch',
    },
    {
      case: 'a merge of two labels already merged alone under their parent',
      given: [...seededCampaign, mergeOf4And9],
      pair: collide('p1', 'l9', 'l4'),
      message: 'labels l9 and l4 are already merged: they are the only children of l49',
    },
    {
      case: 'a merge whose new parent id is taken',
      given: seededCampaign,
      pair: collide('p1', 'l4', 'l9'),
      newLabelIds: ['l7', 'x'] as [string, string],
      message: 'label id l7 is already taken by l7 ("7")',
    },
    {
      case: 'a merge whose parent name would be too long for the catalogue',
      given: [
        ...seededCampaign,
        facts.labelCreated('la', 'a'.repeat(60)),
        facts.labelCreated('lb', 'b'.repeat(60)),
      ],
      pair: collide('p1', 'la', 'lb'),
      message: 'malformed LabelsMerged: name: String must contain at most 100 character(s)',
    },
    {
      case: 'a split moving points the label does not carry',
      given: seededCampaign,
      pair: spread('p1', 'l358', [3, 4], [7]),
      message:
        'point 7 does not carry label l358 ("3/5/8"); a split only moves the points of the ' +
        'label it splits',
    },
  ])('reports $case as refused and leaves the tree as it was', (refusal) => {
    const tree = deepFreeze(treeAfter(refusal.given));
    const before = formatTree(tree);
    const decision = refusal.pair.kind === 'labels-collide' ? 'same' : 'different';
    const { accepted, refused } = treeChangesOf(tree, [
      decided(refusal.pair, decision, refusal.newLabelIds),
    ]);

    expect(accepted).toEqual([]);
    expect(refused.map(({ pairId, refusal: { message } }) => [pairId, message])).toEqual([
      ['p1', refusal.message],
    ]);
    expect(refused[0]!.change.type).toBe(decision === 'same' ? 'LabelsMerged' : 'LabelSplit');
    expect(formatTree(tree)).toBe(before);
  });

  it('checks each change on the tree the accepted ones before it leave', () => {
    const { accepted, refused } = treeChangesOf(seeded, [
      decided(collide('p1', 'l4', 'l9'), 'same', ['n1', 'n2']),
      decided(collide('p2', 'l358', 'l7'), 'same', ['n1', 'n3']),
      decided(collide('p3', 'l9', 'l4'), 'same'),
      decided(spread('p4', 'l358', [3], [4, 5]), 'different'),
    ]);

    expect(accepted.map(({ type, data }) => [type, JSON.stringify(data).slice(0, 60)])).toEqual([
      ['LabelsMerged', '{"campaignId":"c1","labelIds":["l4","l9"],"parentId":"n1","n'],
      ['LabelSplit', '{"campaignId":"c1","labelId":"l358","children":[{"labelId":"'],
    ]);
    expect(refused.map(({ pairId, refusal: { message } }) => [pairId, message])).toEqual([
      ['p2', 'label id n1 is already taken by n1 ("4 + 9")'],
      ['p3', 'labels l9 and l4 are already merged: they are the only children of n1'],
    ]);
  });

  it('changes a label once a round: later pairs sharing it are refused, naming the first', () => {
    const { accepted, refused } = treeChangesOf(seeded, [
      decided(collide('p1', 'l4', 'l9'), 'same'),
      decided(collide('p2', 'l358', 'l4'), 'same'),
      decided(collide('p3', 'l7', 'l9'), 'same'),
      decided(collide('p4', 'l358', 'l7'), 'same'),
    ]);

    expect(accepted.map(({ type }) => type)).toEqual(['LabelsMerged', 'LabelsMerged']);
    expect(refused.map(({ pairId, refusal }) => [pairId, refusal])).toEqual([
      [
        'p2',
        {
          code: 'ILLEGAL_STATE',
          message:
            'label l4 was already changed this round (pair p1); a later round asks about it again',
        },
      ],
      [
        'p3',
        {
          code: 'ILLEGAL_STATE',
          message:
            'label l9 was already changed this round (pair p1); a later round asks about it again',
        },
      ],
    ]);
    expect(withChanges(seededCampaign, accepted)).toBe(
      [
        '4 + 9 (p1.l1)',
        '  4 (l4): 2 points',
        '  9 (l9): 1 point',
        '3/5/8 + 7 (p4.l1)',
        '  3/5/8 (l358): 4 points',
        '  7 (l7): 1 point',
      ].join('\n'),
    );
  });
});

describe('mayMerge', () => {
  const split = treeAfter([...seededCampaign, mergeOf4And9, splitOf358]);

  it('allows two labels that neither descend from each other nor are alone under a parent', () => {
    expect(mayMerge(split, 'l7', 'l358')).toBe(true);
    expect(mayMerge(split, 'l3', 'l5')).toBe(true);
    expect(mayMerge(split, 'l4', 'l3')).toBe(true);
  });

  it("refuses a label with itself, with its ancestor, and its parent's only two children", () => {
    expect(mayMerge(split, 'l4', 'l4')).toBe(false);
    expect(mayMerge(split, 'l4', 'l49')).toBe(false);
    expect(mayMerge(split, 'l358', 'l8')).toBe(false);
    expect(mayMerge(split, 'l9', 'l4')).toBe(false);
  });
});
