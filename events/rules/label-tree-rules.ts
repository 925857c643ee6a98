/**
 * The rules a change of a campaign's label tree must satisfy. Pure, so the labelling
 * activity refuses a change before its event exists, and the label tree projection applies
 * the same rules to every recorded event.
 */
import { shownInput } from './shown-input';
import type { EventData } from '../catalog';
import { NotFoundError } from '../errors';
import type { LabelTree } from '../projections/label-tree';

export type LabelEventType =
  | 'LabelCreated'
  | 'LabelsMerged'
  | 'LabelSplit'
  | 'LabelRenamed'
  | 'LabelMoved'
  | 'PointsRelabelled';

/** A label event as it is proposed, before it is appended. */
export type LabelChange = {
  [T in LabelEventType]: { type: T; data: EventData<T> };
}[LabelEventType];

export interface LabelTreeRefusal {
  code: 'NOT_FOUND' | 'ILLEGAL_STATE' | 'VALIDATION';
  message: string;
}

type Refusal = LabelTreeRefusal | null;

const refuse = (code: LabelTreeRefusal['code'], message: string) => ({ code, message });
const quoted = (name: string) => JSON.stringify(name);
const place = (parentId: string | null) =>
  parentId === null ? 'at the top of the tree' : `under ${parentId}`;

/** "label l6 does" or "labels l5, l6 do": a subject with its verb agreeing. */
function subject(noun: string, ids: readonly (string | number)[], verbs: [string, string]) {
  // A blank or pasted label id stays visible and short in the message.
  const show = (id: string | number) => (typeof id === 'string' ? shownInput(id) : String(id));
  if (ids.length === 1) return `${noun} ${show(ids[0]!)} ${verbs[0]}`;
  const shown = ids.slice(0, 5).map(show).join(', ');
  const more = ids.length > 5 ? ` and ${ids.length - 5} more` : '';
  return `${noun}s ${shown}${more} ${verbs[1]}`;
}

function describe(tree: LabelTree, labelId: string) {
  const node = tree.labels[labelId];
  return node ? `${labelId} (${quoted(node.name)})` : labelId;
}

/**
 * The label ids above a label, its parent first and a top-level label last. Lives beside
 * the rules, which need it, and is re-exported by the label tree projection.
 */
export function ancestorsOf(tree: LabelTree, labelId: string): string[] {
  const ancestors: string[] = [];
  for (let at = requireLabel(tree, labelId).parentId; at !== null;) {
    ancestors.push(at);
    at = requireLabel(tree, at).parentId;
  }
  return ancestors;
}

/** The closest label above both; null when only the top of the tree is common to them. */
export function lowestCommonAncestor(tree: LabelTree, a: string, b: string): string | null {
  const aboveB = new Set(ancestorsOf(tree, b));
  return ancestorsOf(tree, a).find((ancestor) => aboveB.has(ancestor)) ?? null;
}

function requireLabel(tree: LabelTree, labelId: string) {
  const node = tree.labels[labelId];
  if (!node) {
    throw new NotFoundError(`label ${labelId} does not exist in campaign ${tree.campaignId}`);
  }
  return node;
}

/** Whether `labelId` lies strictly below `ancestorId`. */
const descendsFrom = (tree: LabelTree, labelId: string, ancestorId: string) =>
  ancestorsOf(tree, labelId).includes(ancestorId);

function refuseUnknown(tree: LabelTree, labelIds: readonly string[]): Refusal {
  const unknown = [...new Set(labelIds.filter((labelId) => !tree.labels[labelId]))];
  if (unknown.length === 0) return null;
  return refuse(
    'NOT_FOUND',
    `${subject('label', unknown, ['does', 'do'])} not exist in campaign ${tree.campaignId}`,
  );
}

function refuseTaken(tree: LabelTree, labelIds: readonly string[]): Refusal {
  const taken = labelIds.find((labelId) => tree.labels[labelId]);
  if (taken === undefined) return null;
  return refuse('ILLEGAL_STATE', `label id ${taken} is already taken by ${describe(tree, taken)}`);
}

/**
 * Sibling names must differ so that an expert choosing between children never sees two
 * alike. Checks the children a parent will have once `arriving` joined and `leaving` left.
 */
function refuseSiblingNames(
  tree: LabelTree,
  parentId: string | null,
  arriving: readonly { labelId: string; name: string }[],
  leaving: readonly string[] = [],
): Refusal {
  const existing = parentId === null ? tree.roots : (tree.labels[parentId]?.children ?? []);
  const moving = new Set([...arriving.map((label) => label.labelId), ...leaving]);
  const staying = existing
    .filter((labelId) => !moving.has(labelId))
    .map((labelId) => ({ labelId, name: tree.labels[labelId]?.name ?? '' }));

  const byName = new Map<string, string>();
  for (const { labelId, name } of [...staying, ...arriving]) {
    const other = byName.get(name);
    if (other !== undefined) {
      return refuse(
        'VALIDATION',
        `labels ${other} and ${labelId} would both be named ${quoted(name)} ` +
          `${place(parentId)}; sibling names must differ`,
      );
    }
    byName.set(name, labelId);
  }
  return null;
}

function refusePoints(tree: LabelTree, pointIds: readonly number[]): Refusal {
  if (tree.pointCount === null) {
    return refuse(
      'ILLEGAL_STATE',
      `campaign ${tree.campaignId} has no dataset registered, so it has no points to label`,
    );
  }
  const outside = pointIds.filter((pointId) => pointId >= (tree.pointCount ?? 0));
  if (outside.length > 0) {
    return refuse(
      'NOT_FOUND',
      `${subject('point', outside, ['does', 'do'])} not exist: the dataset of campaign ` +
        `${tree.campaignId} has ${tree.pointCount} points (ids 0 to ${tree.pointCount - 1})`,
    );
  }
  const twice = pointIds.filter((pointId, index) => pointIds.indexOf(pointId) !== index);
  if (twice.length > 0) {
    return refuse(
      'VALIDATION',
      `${subject('point', [...new Set(twice)], ['is', 'are'])} listed twice`,
    );
  }
  return null;
}

function refuseCreate(tree: LabelTree, data: EventData<'LabelCreated'>): Refusal {
  const { labelId, name, parentId } = data;
  return (
    refuseTaken(tree, [labelId]) ??
    (parentId === null ? null : refuseUnknown(tree, [parentId])) ??
    refuseSiblingNames(tree, parentId, [{ labelId, name }])
  );
}

function refuseMergedPair(tree: LabelTree, a: string, b: string): Refusal {
  if (a === b) {
    return refuse('ILLEGAL_STATE', `cannot merge label ${describe(tree, a)} with itself`);
  }
  const [below, above] = descendsFrom(tree, a, b) ? [a, b] : [b, a];
  if (descendsFrom(tree, below, above)) {
    return refuse(
      'ILLEGAL_STATE',
      `cannot merge label ${describe(tree, a)} with ${describe(tree, b)}: ` +
        `${above} is an ancestor of ${below}, they already share a branch`,
    );
  }
  return null;
}

function refuseExistingParent(tree: LabelTree, a: string, b: string, parentId: string): Refusal {
  const unknown = refuseUnknown(tree, [parentId]);
  if (unknown) return unknown;
  if (parentId === a || parentId === b) {
    return refuse(
      'ILLEGAL_STATE',
      `cannot merge labels ${a} and ${b} under ${parentId}: a label cannot be its own parent`,
    );
  }
  const cycle = [a, b].find((merged) => descendsFrom(tree, parentId, merged));
  if (cycle !== undefined) {
    return refuse(
      'ILLEGAL_STATE',
      `cannot merge labels ${a} and ${b} under ${describe(tree, parentId)}: it lies below ` +
        `${cycle}, so the tree would loop`,
    );
  }
  if ([a, b].every((merged) => tree.labels[merged]?.parentId === parentId)) {
    return refuse('ILLEGAL_STATE', `labels ${a} and ${b} are already children of ${parentId}`);
  }
  return null;
}

function refuseMerge(tree: LabelTree, data: EventData<'LabelsMerged'>): Refusal {
  const [a, b] = data.labelIds;
  const pairRefusal = refuseUnknown(tree, [a, b]) ?? refuseMergedPair(tree, a, b);
  if (pairRefusal) return pairRefusal;

  const merged = [a, b].map((labelId) => ({ labelId, name: tree.labels[labelId]?.name ?? '' }));
  if (!data.newParent) {
    return (
      refuseExistingParent(tree, a, b, data.parentId) ??
      refuseSiblingNames(tree, data.parentId, merged)
    );
  }

  // The projection puts a new parent where the two branches meet, and the merged labels
  // leave that level for the new parent.
  const meeting = lowestCommonAncestor(tree, a, b);
  const parent = { labelId: data.parentId, name: data.name };
  return (
    refuseTaken(tree, [data.parentId]) ??
    refuseSiblingNames(tree, meeting, [parent], [a, b]) ??
    refuseSiblingNames(tree, data.parentId, merged)
  );
}

function refuseSplit(tree: LabelTree, data: EventData<'LabelSplit'>): Refusal {
  const { labelId, children } = data;
  const unknown = refuseUnknown(tree, [labelId]);
  if (unknown) return unknown;
  if (children.length < 2) {
    return refuse(
      'VALIDATION',
      `a split of label ${describe(tree, labelId)} needs at least 2 children, ` +
        `got ${children.length}`,
    );
  }

  const childIds = children.map((child) => child.labelId);
  const repeated = childIds.find((childId, index) => childIds.indexOf(childId) !== index);
  if (repeated !== undefined) {
    return refuse('VALIDATION', `the split of label ${labelId} names child ${repeated} twice`);
  }
  const namesAndPlace = refuseTaken(tree, childIds) ?? refuseSiblingNames(tree, labelId, children);
  if (namesAndPlace) return namesAndPlace;

  const pointIds = children.flatMap((child) => child.pointIds);
  if (pointIds.length === 0) return null;
  const pointRefusal = refusePoints(tree, pointIds);
  if (pointRefusal) return pointRefusal;
  const strangers = pointIds.filter((pointId) => tree.pointLabels[pointId] !== labelId);
  if (strangers.length > 0) {
    return refuse(
      'ILLEGAL_STATE',
      `${subject('point', strangers, ['does', 'do'])} not carry label ` +
        `${describe(tree, labelId)}; a split only moves the points of the label it splits`,
    );
  }
  return null;
}

function refuseRename(tree: LabelTree, data: EventData<'LabelRenamed'>): Refusal {
  const { labelId, name } = data;
  const node = tree.labels[labelId];
  if (!node) return refuseUnknown(tree, [labelId]);
  if (node.name === name) {
    return refuse('ILLEGAL_STATE', `label ${labelId} is already named ${quoted(name)}`);
  }
  return refuseSiblingNames(tree, node.parentId, [{ labelId, name }]);
}

function refuseMove(tree: LabelTree, data: EventData<'LabelMoved'>): Refusal {
  const { labelId, newParentId } = data;
  const node = tree.labels[labelId];
  if (!node) return refuseUnknown(tree, [labelId]);
  if (newParentId === null) {
    return node.parentId === null
      ? refuse('ILLEGAL_STATE', `label ${labelId} is already at the top of the tree`)
      : refuseSiblingNames(tree, null, [node]);
  }

  const unknown = refuseUnknown(tree, [newParentId]);
  if (unknown) return unknown;
  if (newParentId === labelId || descendsFrom(tree, newParentId, labelId)) {
    return refuse(
      'ILLEGAL_STATE',
      `cannot move label ${describe(tree, labelId)} under ${describe(tree, newParentId)}: ` +
        `that is the label itself or lies below it, so the tree would loop`,
    );
  }
  if (node.parentId === newParentId) {
    return refuse('ILLEGAL_STATE', `label ${labelId} is already under ${newParentId}`);
  }
  return refuseSiblingNames(tree, newParentId, [node]);
}

function refuseRelabel(tree: LabelTree, data: EventData<'PointsRelabelled'>): Refusal {
  return refuseUnknown(tree, [data.toLabelId]) ?? refusePoints(tree, data.pointIds);
}

/**
 * Why a proposed change of a campaign's label tree is refused, or null when it may be
 * appended. A refused change leaves the tree as it is: it never becomes an event.
 */
export function refuseLabelChange(tree: LabelTree, proposed: LabelChange): Refusal {
  if (proposed.data.campaignId !== tree.campaignId) {
    return refuse(
      'VALIDATION',
      `a ${proposed.type} of campaign ${proposed.data.campaignId} cannot change the label ` +
        `tree of campaign ${tree.campaignId}`,
    );
  }

  switch (proposed.type) {
    case 'LabelCreated':
      return refuseCreate(tree, proposed.data);
    case 'LabelsMerged':
      return refuseMerge(tree, proposed.data);
    case 'LabelSplit':
      return refuseSplit(tree, proposed.data);
    case 'LabelRenamed':
      return refuseRename(tree, proposed.data);
    case 'LabelMoved':
      return refuseMove(tree, proposed.data);
    case 'PointsRelabelled':
      return refuseRelabel(tree, proposed.data);
  }
}
