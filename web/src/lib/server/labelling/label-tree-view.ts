import type { LabelTree } from '../../../../../events/projections/label-tree';
import type { LabelNodeView } from '../../labelling/label-node';
import type { LabelTreeView } from '../read-model';

function countByLabel(tree: LabelTree): Map<string, number> {
  const counts = new Map<string, number>();
  for (const labelId of Object.values(tree.pointLabels)) {
    counts.set(labelId, (counts.get(labelId) ?? 0) + 1);
  }
  return counts;
}

/**
 * The tree as flat rows in depth-first order, parents before their children, each with the
 * points carrying the label itself and those carrying it or a label below it.
 */
export function toLabelTreeView(tree: LabelTree, position: number): LabelTreeView {
  const own = countByLabel(tree);
  const labels: LabelNodeView[] = [];

  // Returns the subtree's total; the row is placed before its children, filled in after them.
  const visit = (labelId: string, depth: number): number => {
    const node = tree.labels[labelId];
    if (!node) return 0;
    const points = own.get(labelId) ?? 0;
    const row: LabelNodeView = {
      id: labelId,
      name: node.name,
      parentId: node.parentId,
      children: [...node.children],
      depth,
      points,
      totalPoints: points,
    };
    labels.push(row);
    row.totalPoints += node.children.reduce((sum, child) => sum + visit(child, depth + 1), 0);
    return row.totalPoints;
  };
  for (const root of tree.roots) visit(root, 0);

  const labelled = Object.keys(tree.pointLabels).length;
  const unlabelled = tree.pointCount === null ? null : tree.pointCount - labelled;
  return { campaignId: tree.campaignId, position, pointCount: tree.pointCount, unlabelled, labels };
}
