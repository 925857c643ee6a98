import type { NewEvent } from '../../events/catalog';
import { ValidationError } from '../../events/errors';

/** Points a campaign starts with already labelled, e.g. imported from an earlier inspection. */
export interface InitialLabels {
  /** One of the campaign's labels. */
  label: string;
  /** Image ids within the campaign's dataset. */
  pointIds: number[];
}

/** The id of the n-th (0-based) campaign label in the seeded tree. */
export const seededLabelId = (index: number) => `label-${index + 1}`;

/**
 * The events that seed a campaign's label tree: every campaign label at the top of the
 * tree, then the initial point labels. Refuses initial labels the tree could not hold, so
 * a campaign never starts half-seeded.
 */
export function seedLabelTree(input: {
  campaignId: string;
  owner: string;
  labels: string[];
  imageCount: number;
  initialLabels?: InitialLabels[];
}): NewEvent[] {
  const { campaignId, owner, labels, imageCount } = input;
  const initial = input.initialLabels ?? [];
  checkInitialLabels(labels, imageCount, initial);

  const created: NewEvent[] = labels.map((name, index) => ({
    type: 'LabelCreated',
    eventId: `${campaignId}/label/${seededLabelId(index)}`,
    data: { campaignId, labelId: seededLabelId(index), name, parentId: null },
  }));
  const relabelled: NewEvent[] = initial
    .filter(({ pointIds }) => pointIds.length > 0)
    .map(({ label, pointIds }) => ({
      type: 'PointsRelabelled',
      eventId: `${campaignId}/initial-labels/${seededLabelId(labels.indexOf(label))}`,
      causation: { actor: owner },
      data: {
        campaignId,
        pointIds,
        toLabelId: seededLabelId(labels.indexOf(label)),
        reason: 'initial labels',
        by: 'expert',
        expertId: owner,
      },
    }));
  return [...created, ...relabelled];
}

function checkInitialLabels(labels: string[], imageCount: number, initial: InitialLabels[]) {
  if (new Set(labels).size !== labels.length) {
    throw new ValidationError(
      `labels: expected distinct names, received ${JSON.stringify(labels)}`,
    );
  }
  const seen = new Map<number, string>();
  for (const { label, pointIds } of initial) {
    if (!labels.includes(label)) {
      throw new ValidationError(
        `initialLabels: label ${JSON.stringify(label)} is not one of the campaign's labels ` +
          `${JSON.stringify(labels)}`,
      );
    }
    for (const pointId of pointIds) {
      if (!Number.isInteger(pointId) || pointId < 0 || pointId >= imageCount) {
        throw new ValidationError(
          `initialLabels: point ${pointId} of ${JSON.stringify(label)} is not an image id ` +
            `of this dataset (0..${imageCount - 1})`,
        );
      }
      const earlier = seen.get(pointId);
      if (earlier !== undefined && earlier !== label) {
        throw new ValidationError(
          `initialLabels: point ${pointId} is given two labels, ${JSON.stringify(earlier)} ` +
            `and ${JSON.stringify(label)}`,
        );
      }
      seen.set(pointId, label);
    }
  }
}
