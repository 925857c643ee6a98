import type { RecordedEvent } from '../../events/catalog';
import type { LabelTree } from '../../events/projections/label-tree';
import { ancestorsOf } from '../../events/projections/label-tree';

/** The labelled points as the cross-entropy loss (E3) sees them. */
export interface TrainingClasses {
  /** The label id each class index stands for, in a stable order. */
  classIds: string[];
  pointIds: number[];
  /** Each listed point's class index into `classIds`. */
  classes: number[];
}

/** Labels created as the parent of a merge: what is under one of them is one class. */
export function mergeParentsOf(events: Iterable<RecordedEvent>): Set<string> {
  const parents = new Set<string>();
  for (const event of events) if (event.type === 'LabelsMerged') parents.add(event.data.parentId);
  return parents;
}

/** The label a label's points are learnt and asked as: its topmost merge parent, or itself. */
export function classLabelOf(
  tree: LabelTree,
  mergeParents: ReadonlySet<string>,
  labelId: string,
): string {
  return (
    ancestorsOf(tree, labelId)
      .filter((id) => mergeParents.has(id))
      .at(-1) ?? labelId
  );
}

/**
 * The label ids an expert may answer a plain query with, once each: every leaf, and every
 * label still holding points of its own (a split label keeps those nobody moved), each
 * lifted to its class label.
 */
export function answerLabels(tree: LabelTree, mergeParents: ReadonlySet<string>): string[] {
  const holders = new Set(Object.values(tree.pointLabels));
  const walk = (labelId: string): string[] => {
    const { children } = tree.labels[labelId]!;
    const own = children.length === 0 || holders.has(labelId) ? [labelId] : [];
    return [...own, ...children.flatMap(walk)];
  };
  return [...new Set(tree.roots.flatMap(walk).map((id) => classLabelOf(tree, mergeParents, id)))];
}

/**
 * The classes the head learns. A point's class is its label, lifted to the topmost merge
 * parent above it: the experts said the merged labels are one class, so training them
 * apart would undo their vote. A split's children stay separate classes, and a split
 * label's own remaining points stay with it.
 */
export function trainingClasses(
  tree: LabelTree,
  mergeParents: ReadonlySet<string>,
): TrainingClasses {
  const classOfLabel = new Map<string, string>();
  const lift = (labelId: string) => {
    let cached = classOfLabel.get(labelId);
    if (cached === undefined) {
      cached = classLabelOf(tree, mergeParents, labelId);
      classOfLabel.set(labelId, cached);
    }
    return cached;
  };
  const labelled = Object.entries(tree.pointLabels)
    .map(([pointId, labelId]) => ({ pointId: Number(pointId), classId: lift(labelId) }))
    .sort((a, b) => a.pointId - b.pointId);
  const classIds = [...new Set(labelled.map(({ classId }) => classId))].sort();
  const index = new Map(classIds.map((id, i) => [id, i]));
  return {
    classIds,
    pointIds: labelled.map(({ pointId }) => pointId),
    classes: labelled.map(({ classId }) => index.get(classId)!),
  };
}
