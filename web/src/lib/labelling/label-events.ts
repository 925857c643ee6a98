import type { LabelEventType } from '../../../../events/rules/label-tree-rules';

/** The events that change a label tree's labels or which label a point carries. */
export const labelEventTypes: readonly LabelEventType[] = [
  'LabelCreated',
  'LabelsMerged',
  'LabelSplit',
  'LabelRenamed',
  'LabelMoved',
  'PointsRelabelled',
];

// Audit entries carry their type as a plain string: the positions worth travelling back to.
const labelEventTypeNames: ReadonlySet<string> = new Set(labelEventTypes);

/** Whether an audit entry of this type changed the label tree. */
export function isLabelEvent(type: string): boolean {
  return labelEventTypeNames.has(type);
}
