import type { LabelNodeView } from './label-node';

/** A label as the collapsible tree shows it. */
export interface TreeRow extends LabelNodeView {
  hasChildren: boolean;
  expanded: boolean;
}

/**
 * The rows to show: every label in the tree's depth-first order except those below a
 * collapsed label. A label's children follow it, so skipping a collapsed subtree is a skip
 * of the rows deeper than it until the next row at its depth or above.
 */
export function visibleRows(labels: readonly LabelNodeView[], collapsed: ReadonlySet<string>) {
  const rows: TreeRow[] = [];
  let hiddenBelow: number | null = null;
  for (const label of labels) {
    if (hiddenBelow !== null && label.depth > hiddenBelow) continue;
    hiddenBelow = null;

    const expanded = !collapsed.has(label.id);
    rows.push({ ...label, hasChildren: label.children.length > 0, expanded });
    if (!expanded && label.children.length > 0) hiddenBelow = label.depth;
  }
  return rows;
}

/** The collapsed set with one label toggled; the input is left as it was. */
export function toggled(collapsed: ReadonlySet<string>, labelId: string): Set<string> {
  const next = new Set(collapsed);
  if (!next.delete(labelId)) next.add(labelId);
  return next;
}

/** "5 points" or "1 point", the count of the label itself and, if more, of its subtree. */
export function pointsText({ points, totalPoints }: LabelNodeView): string {
  const count = (n: number) => `${n} point${n === 1 ? '' : 's'}`;
  return totalPoints === points ? count(points) : `${count(points)}, ${totalPoints} with below`;
}
