import type { RecordedEvent, RecordedEventOf } from '../catalog';
import { IllegalStateError, NotFoundError, ValidationError } from '../errors';
import {
  ancestorsOf,
  lowestCommonAncestor,
  refuseLabelChange,
  type LabelEventType,
} from '../rules/label-tree-rules';
import { emptyIdRecord, withEntry, type IdRecord } from './id-record';
import { unexpectedEvent } from './unexpected-event';

export { ancestorsOf } from '../rules/label-tree-rules';

/** One label of a campaign's tree. */
export interface LabelNode {
  labelId: string;
  name: string;
  /** null for a label at the top of the tree. */
  parentId: string | null;
  /** Child label ids, in the order they joined. */
  children: readonly string[];
  /** Store position of the event that created the label. */
  createdAtPosition: number;
}

/**
 * A campaign's label hierarchy and the label each point carries. The hierarchy only morphs:
 * merges and splits add parents and children, and no label is ever removed.
 */
export interface LabelTree {
  campaignId: string;
  labels: IdRecord<LabelNode>;
  /** Top-level label ids, in the order they joined the top. */
  roots: readonly string[];
  /** Label id by point id; a point nobody labelled yet is absent. */
  pointLabels: IdRecord<string>;
  /** Points in the campaign's dataset; null until the dataset is registered. */
  pointCount: number | null;
}

/** Every campaign's label tree by campaign id. */
export interface LabelTrees {
  campaigns: IdRecord<LabelTree>;
}

export const initialLabelTrees: LabelTrees = { campaigns: emptyIdRecord() };

export function emptyLabelTree(campaignId: string): LabelTree {
  return {
    campaignId,
    labels: emptyIdRecord(),
    roots: [],
    pointLabels: emptyIdRecord(),
    pointCount: null,
  };
}

/** One campaign's tree; an empty tree for a campaign without label events. */
export function labelTreeOf(trees: LabelTrees, campaignId: string): LabelTree {
  return trees.campaigns[campaignId] ?? emptyLabelTree(campaignId);
}

function requireLabel(tree: LabelTree, labelId: string): LabelNode {
  const node = tree.labels[labelId];
  if (!node) {
    throw new NotFoundError(`label ${labelId} does not exist in campaign ${tree.campaignId}`);
  }
  return node;
}

function withLabel(tree: LabelTree, node: LabelNode): LabelTree {
  return { ...tree, labels: withEntry(tree.labels, node.labelId, node) };
}

function detach(tree: LabelTree, labelId: string): LabelTree {
  const { parentId } = requireLabel(tree, labelId);
  const without = (ids: readonly string[]) => ids.filter((each) => each !== labelId);
  if (parentId === null) return { ...tree, roots: without(tree.roots) };

  const parent = requireLabel(tree, parentId);
  return withLabel(tree, { ...parent, children: without(parent.children) });
}

function attach(tree: LabelTree, labelId: string, parentId: string | null): LabelTree {
  const placed = withLabel(tree, { ...requireLabel(tree, labelId), parentId });
  if (parentId === null) return { ...placed, roots: [...placed.roots, labelId] };

  const parent = requireLabel(placed, parentId);
  return withLabel(placed, { ...parent, children: [...parent.children, labelId] });
}

// A label already under the parent keeps its place among its siblings.
function moveLabel(tree: LabelTree, labelId: string, parentId: string | null): LabelTree {
  if (requireLabel(tree, labelId).parentId === parentId) return tree;
  return attach(detach(tree, labelId), labelId, parentId);
}

function createLabel(
  tree: LabelTree,
  label: { labelId: string; name: string; parentId: string | null },
  position: number,
): LabelTree {
  const { labelId, name, parentId } = label;
  const node = { labelId, name, parentId: null, children: [], createdAtPosition: position };
  return attach(withLabel(tree, node), labelId, parentId);
}

function relabel(tree: LabelTree, pointIds: readonly number[], labelId: string): LabelTree {
  const pointLabels: Record<string, string> = Object.assign(Object.create(null), tree.pointLabels);
  for (const pointId of pointIds) pointLabels[pointId] = labelId;
  return { ...tree, pointLabels };
}

function mergeLabels(tree: LabelTree, event: RecordedEventOf<'LabelsMerged'>): LabelTree {
  const { data, metadata } = event;
  const [a, b] = data.labelIds;

  const withParent = data.newParent
    ? createLabel(
        tree,
        { labelId: data.parentId, name: data.name, parentId: lowestCommonAncestor(tree, a, b) },
        metadata.position,
      )
    : tree;
  return moveLabel(moveLabel(withParent, a, data.parentId), b, data.parentId);
}

function splitLabel(tree: LabelTree, event: RecordedEventOf<'LabelSplit'>): LabelTree {
  const { labelId, children } = event.data;
  return children.reduce(
    (split, child) =>
      relabel(
        createLabel(split, { ...child, parentId: labelId }, event.metadata.position),
        child.pointIds,
        child.labelId,
      ),
    tree,
  );
}

function applyLabelChange(tree: LabelTree, event: RecordedEventOf<LabelEventType>): LabelTree {
  switch (event.type) {
    case 'LabelCreated':
      return createLabel(tree, event.data, event.metadata.position);
    case 'LabelsMerged':
      return mergeLabels(tree, event);
    case 'LabelSplit':
      return splitLabel(tree, event);
    case 'LabelRenamed': {
      const { labelId, name } = event.data;
      return withLabel(tree, { ...requireLabel(tree, labelId), name });
    }
    case 'LabelMoved':
      return moveLabel(tree, event.data.labelId, event.data.newParentId);
    case 'PointsRelabelled':
      return relabel(tree, event.data.pointIds, event.data.toLabelId);
    default:
      return unexpectedEvent(event);
  }
}

/**
 * Events in the store were checked by the label tree rules before they were appended, so a
 * recorded event that breaks them means the history and the rules disagree. Skipping it
 * would show a tree nobody decided, so the fold stops with an error naming the event.
 */
function checkedLabelChange(tree: LabelTree, event: RecordedEventOf<LabelEventType>) {
  const refusal = refuseLabelChange(tree, event);
  if (refusal) {
    const { eventId, position } = event.metadata;
    throw new IllegalStateError(
      `recorded ${event.type} event ${eventId} at position ${position} breaks the label ` +
        `tree rules (${refusal.code}): ${refusal.message}`,
    );
  }
  return applyLabelChange(tree, event);
}

function changeTree(trees: LabelTrees, campaignId: string, change: (tree: LabelTree) => LabelTree) {
  const tree = change(labelTreeOf(trees, campaignId));
  return { campaigns: withEntry(trees.campaigns, campaignId, tree) };
}

/**
 * Folds one event into the trees; the input trees are never modified. Throws an
 * IllegalStateError for a label event that breaks the label tree rules.
 */
export function evolveLabelTrees(trees: LabelTrees, event: RecordedEvent): LabelTrees {
  const { campaignId } = event.data;
  switch (event.type) {
    case 'DatasetRegistered': {
      const pointCount = event.data.imageCount;
      return changeTree(trees, campaignId, (tree) => ({ ...tree, pointCount }));
    }
    case 'LabelCreated':
    case 'LabelsMerged':
    case 'LabelSplit':
    case 'LabelRenamed':
    case 'LabelMoved':
    case 'PointsRelabelled':
      return changeTree(trees, campaignId, (tree) => checkedLabelChange(tree, event));
    case 'CampaignStarted':
    case 'CampaignPaused':
    case 'CampaignResumed':
    case 'CampaignCompleted':
    case 'RoundStarted':
    case 'ModelTrained':
    case 'ClustersAssigned':
    case 'UncertaintyScored':
    case 'QueryIssued':
    case 'AnswerRecorded':
    case 'QueryReminded':
    case 'QueryReassigned':
    case 'QueryExpired':
    case 'VoteDecided':
    case 'CollisionDetected':
    case 'PairDecided':
    case 'RoundCompleted':
      return trees;
    default:
      return unexpectedEvent(event);
  }
}

export function projectLabelTrees(events: Iterable<RecordedEvent>): LabelTrees {
  let trees = initialLabelTrees;
  for (const event of events) trees = evolveLabelTrees(trees, event);
  return trees;
}

/**
 * Time travel: a campaign's tree as it was right after the store recorded the event at
 * `position`. Events come in store order, as a read of the store returns them; a position
 * between two of the campaign's events gives the tree after the earlier one.
 */
export function treeAt(
  events: Iterable<RecordedEvent>,
  campaignId: string,
  position: number,
): LabelTree {
  let trees = initialLabelTrees;
  for (const event of events) {
    if (event.metadata.position > position) break;
    if (event.data.campaignId === campaignId) trees = evolveLabelTrees(trees, event);
  }
  return labelTreeOf(trees, campaignId);
}

/** The leaf label ids at or below a label (the whole tree without one), depth first. */
export function leavesOf(tree: LabelTree, labelId?: string): string[] {
  const leavesBelow = (id: string): string[] => {
    const { children } = requireLabel(tree, id);
    return children.length === 0 ? [id] : children.flatMap(leavesBelow);
  };
  return labelId === undefined ? tree.roots.flatMap(leavesBelow) : leavesBelow(labelId);
}

/** The label a point carries, or null while nobody labelled it. */
export function labelOfPoint(tree: LabelTree, pointId: number): string | null {
  return tree.pointLabels[pointId] ?? null;
}

/** The points carrying exactly this label (not those of its descendants), ascending. */
export function pointsWithLabel(tree: LabelTree, labelId: string): number[] {
  return Object.entries(tree.pointLabels)
    .filter(([, carried]) => carried === labelId)
    .map(([pointId]) => Number(pointId))
    .sort((a, b) => a - b);
}

/**
 * A point's label seen at a level of the tree: depth 0 is the top. For evaluation at the
 * parent level, a leaf maps to its ancestor at the depth; a label above the depth is the
 * most specific answer known and stands for itself. Null for an unlabelled point.
 */
export function labelAtLevel(tree: LabelTree, pointId: number, depth: number): string | null {
  if (!Number.isInteger(depth) || depth < 0) {
    throw new ValidationError(`depth must be an integer >= 0, got ${depth}`);
  }

  const labelId = labelOfPoint(tree, pointId);
  if (labelId === null) return null;
  const lineage = [...ancestorsOf(tree, labelId).reverse(), labelId];
  return lineage[Math.min(depth, lineage.length - 1)] ?? null;
}

/**
 * The tree as indented lines, two spaces a level, each "name (labelId)" and the number of
 * points carrying the label itself when there are any.
 */
export function formatTree(tree: LabelTree): string {
  const counts = new Map<string, number>();
  for (const labelId of Object.values(tree.pointLabels)) {
    counts.set(labelId, (counts.get(labelId) ?? 0) + 1);
  }

  const linesOf = (labelId: string, depth: number): string[] => {
    const { name, children } = requireLabel(tree, labelId);
    const points = counts.get(labelId) ?? 0;
    const suffix = points === 0 ? '' : `: ${points} point${points === 1 ? '' : 's'}`;
    const line = `${'  '.repeat(depth)}${name} (${labelId})${suffix}`;
    return [line, ...children.flatMap((child) => linesOf(child, depth + 1))];
  };
  const lines = tree.roots.flatMap((root) => linesOf(root, 0));
  return lines.length === 0 ? '(no labels)' : lines.join('\n');
}
