import { describe, expect, it } from 'vitest';

import { seedLabelTree } from '../../../activities/labelling/seed-tree';
import { ValidationError } from '../../../events/errors';
import {
  formatTree,
  labelOfPoint,
  labelTreeOf,
  projectLabelTrees,
} from '../../../events/projections/label-tree';
import { asRecorded } from '../events/event-fixtures';

const base = { campaignId: 'c1', owner: 'qm', labels: ['4|9', '1a', '1b'], imageCount: 10 };

describe('seeding the label tree at campaign start', () => {
  it('creates every campaign label at the top and relabels the initial points', () => {
    const events = seedLabelTree({
      ...base,
      initialLabels: [
        { label: '4|9', pointIds: [0, 3] },
        { label: '1b', pointIds: [7] },
      ],
    });
    expect(events.map((event) => event.type)).toEqual([
      'LabelCreated',
      'LabelCreated',
      'LabelCreated',
      'PointsRelabelled',
      'PointsRelabelled',
    ]);
    const registered = {
      type: 'DatasetRegistered' as const,
      eventId: 'c1/DatasetRegistered',
      data: {
        campaignId: 'c1',
        source: { kind: 'mnist' as const, count: 10, offset: 0 },
        imageCount: 10,
        imagesHash: '0'.repeat(64),
      },
    };
    const tree = labelTreeOf(projectLabelTrees(asRecorded([registered, ...events])), 'c1');
    expect(formatTree(tree)).toContain('4|9');
    expect([0, 3, 7, 5].map((point) => labelOfPoint(tree, point))).toEqual([
      'label-1',
      'label-1',
      'label-3',
      null,
    ]);
  });

  it.each([
    [{ label: 'nine', pointIds: [1] }, /label "nine" is not one of the campaign's labels/],
    [
      { label: '1a', pointIds: [10] },
      /point 10 of "1a" is not an image id of this dataset \(0..9\)/,
    ],
    [{ label: '1a', pointIds: [1.5] }, /point 1.5 of "1a"/],
  ])('refuses the initial labels %j', (initial, message) => {
    expect(() => seedLabelTree({ ...base, initialLabels: [initial] })).toThrow(ValidationError);
    expect(() => seedLabelTree({ ...base, initialLabels: [initial] })).toThrow(message);
  });

  it('refuses a point given two labels, naming both', () => {
    const initialLabels = [
      { label: '1a', pointIds: [2] },
      { label: '1b', pointIds: [2] },
    ];
    expect(() => seedLabelTree({ ...base, initialLabels })).toThrow(
      'point 2 is given two labels, "1a" and "1b"',
    );
  });

  it('refuses duplicate label names', () => {
    expect(() => seedLabelTree({ ...base, labels: ['a', 'a'] })).toThrow(/distinct names/);
  });
});
