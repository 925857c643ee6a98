import type { NewEvent } from '../../../events/catalog';
import {
  labelTreeOf,
  projectLabelTrees,
  type LabelTree,
} from '../../../events/projections/label-tree';
import { asRecorded, campaignFacts } from '../events/event-fixtures';

export const facts = campaignFacts('c1');

/**
 * A campaign whose starting labels fuse and split the true digit classes: 4 and 9 apart,
 * 3, 5 and 8 fused under one label, 7 alone; points 0-7 seeded by an expert.
 */
export const seededCampaign: NewEvent[] = [
  facts.started(),
  facts.datasetRegistered(),
  facts.labelCreated('l4', '4'),
  facts.labelCreated('l9', '9'),
  facts.labelCreated('l358', '3/5/8'),
  facts.labelCreated('l7', '7'),
  facts.pointsRelabelled([0, 1], 'l4', 'olga', 'seed'),
  facts.pointsRelabelled([2], 'l9', 'olga', 'seed'),
  facts.pointsRelabelled([3, 4, 5, 6], 'l358', 'olga', 'seed'),
  facts.pointsRelabelled([7], 'l7', 'olga', 'seed'),
];

/** The experts' vote fuses 4 and 9 under a new parent "4|9". */
export const mergeOf4And9 = facts.labelsMerged(['l4', 'l9'], 'l49', '4|9', {
  reason: 'experts place the path midpoint on both sides',
  voteQueryIds: ['q1', 'q2', 'q3'],
});

/** The experts' vote splits the fused "3/5/8" into three siblings; its points follow. */
export const splitOf358 = facts.labelSplit('l358', [
  { labelId: 'l3', name: '3', pointIds: [3] },
  { labelId: 'l5', name: '5', pointIds: [4, 5] },
  { labelId: 'l8', name: '8', pointIds: [6] },
]);

/** Campaign c1's tree after the given events, folded as the store would record them. */
export function treeAfter(events: readonly NewEvent[]): LabelTree {
  return labelTreeOf(projectLabelTrees(asRecorded(events)), 'c1');
}
