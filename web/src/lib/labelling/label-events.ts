// The audit entries that change a label tree: the positions worth travelling back to.
const labelEventTypes = new Set([
  'LabelCreated',
  'LabelsMerged',
  'LabelSplit',
  'LabelRenamed',
  'LabelMoved',
  'PointsRelabelled',
]);

/** Whether an audit entry of this type changed the label tree. */
export function isLabelEvent(type: string): boolean {
  return labelEventTypes.has(type);
}
