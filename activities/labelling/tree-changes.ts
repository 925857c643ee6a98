import { eventSchemas, type RecordedEvent } from '../../events/catalog';
import { emptyIdRecord, withEntry } from '../../events/projections/id-record';
import { ancestorsOf, evolveLabelTrees, type LabelTree } from '../../events/projections/label-tree';
import {
  refuseLabelChange,
  type LabelChange,
  type LabelTreeRefusal,
} from '../../events/rules/label-tree-rules';
import type { PairDecision } from './pair-decision';
import type { LabelPair } from './spread-pairs';

/** A pair with what its votes decided. */
export interface DecidedPair {
  pair: LabelPair;
  decision: PairDecision;
  /** The queries whose votes decided the pair, recorded on the change. */
  voteQueryIds: readonly string[];
  /**
   * Ids of labels a change creates: a merge's new parent and a third class take the first,
   * a split both.
   */
  newLabelIds: readonly [string, string];
}

/** The changes the pair decisions make to the label tree. */
export type PairChange = Extract<
  LabelChange,
  { type: 'LabelsMerged' | 'LabelSplit' | 'LabelCreated' }
>;

export interface TreeChanges {
  /** Changes to append, in order; each was checked on the tree left by those before it. */
  accepted: PairChange[];
  /** Changes the catalogue or the label tree rules refuse; they never become events. */
  refused: { pairId: string; change: PairChange; refusal: LabelTreeRefusal }[];
}

/**
 * Label tree changes for a round's decided pairs, in the pairs' order:
 * - `labels-collide` decided `same`: the two labels merge under a new parent named
 *   "A + B" (their names);
 * - `label-spread` decided `different`: the label splits into two children, "name (1)"
 *   taking group A's points and "name (2)" group B's;
 * - either kind decided `third-class`: a new label with no points, "neither A nor B" (or
 *   "neither group of A" for a spread label), beside group A's label: under its parent
 *   when group B's label shares it, at the top otherwise. It becomes an answer of the
 *   next rounds' plain queries, so votes and direct relabelling can fill it; a second one
 *   of the same name beside it is refused;
 * - any other combination changes nothing.
 *
 * Every change is checked against the event catalogue and `refuseLabelChange`, each on the
 * tree as the accepted ones before it leave it, and a refused one is reported rather than
 * thrown, so one bad pair never stops a round. Two refusals are ours, not the rules':
 * merging two labels that are already their parent's only children would only stack another
 * parent on them, as a pair that collided again after its merge would do every round; and a
 * label changes at most once a round (see `refuseChangedAgain`).
 */
export function treeChangesOf(tree: LabelTree, decided: readonly DecidedPair[]): TreeChanges {
  const result: TreeChanges = { accepted: [], refused: [] };
  // Label id -> the pair whose accepted change moved or split it this round.
  const changedBy = new Map<string, string>();
  let current = tree;
  for (const each of decided) {
    const change = proposedChange(current, each);
    if (change === null) continue;

    const refusal = refuseChange(current, change) ?? refuseChangedAgain(changedBy, change);
    if (refusal) {
      result.refused.push({ pairId: each.pair.pairId, change, refusal });
      continue;
    }
    result.accepted.push(change);
    for (const labelId of labelsOf(change)) changedBy.set(labelId, each.pair.pairId);
    current = applied(current, change);
  }
  return result;
}

/** Labels a change moves or splits; a new third class changes none. */
const labelsOf = (change: PairChange): readonly string[] =>
  change.type === 'LabelsMerged'
    ? change.data.labelIds
    : change.type === 'LabelSplit'
      ? [change.data.labelId]
      : [];

/**
 * One change per label and round. Three pairs judged the same that share a label would
 * otherwise move it under three parents in turn, leaving the first two with a single child
 * named after a label they no longer hold; the label's next collisions are asked about in a
 * later round, on the tree as it then stands.
 */
function refuseChangedAgain(
  changedBy: ReadonlyMap<string, string>,
  change: PairChange,
): LabelTreeRefusal | null {
  const labelId = labelsOf(change).find((id) => changedBy.has(id));
  if (labelId === undefined) return null;
  return {
    code: 'ILLEGAL_STATE',
    message:
      `label ${labelId} was already changed this round (pair ${changedBy.get(labelId)}); ` +
      'a later round asks about it again',
  };
}

function proposedChange(tree: LabelTree, decided: DecidedPair): PairChange | null {
  const { pair, decision, newLabelIds } = decided;
  const { campaignId } = tree;
  const voteQueryIds = [...decided.voteQueryIds];
  const [a, b] = pair.groups;
  const nameOf = (labelId: string) => tree.labels[labelId]?.name ?? labelId;

  if (pair.kind === 'labels-collide' && decision === 'same') {
    const reason = `labels collide and the votes along pair ${pair.pairId} find one class`;
    const data = {
      campaignId,
      labelIds: [a.labelId, b.labelId] as [string, string],
      parentId: newLabelIds[0],
      newParent: true as const,
      name: `${nameOf(a.labelId)} + ${nameOf(b.labelId)}`,
      reason,
      voteQueryIds,
    };
    return { type: 'LabelsMerged', data };
  }
  if (pair.kind === 'label-spread' && decision === 'different') {
    const reason =
      `label spreads over two clusters and the votes along pair ${pair.pairId} ` +
      'find two classes';
    const name = nameOf(a.labelId);
    const children = [a, b].map((group, i) => ({
      labelId: newLabelIds[i]!,
      name: `${name} (${i + 1})`,
      pointIds: [...group.pointIds],
    }));
    return {
      type: 'LabelSplit',
      data: { campaignId, labelId: a.labelId, children, reason, voteQueryIds },
    };
  }
  if (decision === 'third-class') {
    const parentOf = (labelId: string) => tree.labels[labelId]?.parentId ?? null;
    const shared = parentOf(a.labelId) === parentOf(b.labelId);
    const name =
      pair.kind === 'label-spread'
        ? `neither group of ${nameOf(a.labelId)}`
        : `neither ${nameOf(a.labelId)} nor ${nameOf(b.labelId)}`;
    const data = {
      campaignId,
      labelId: newLabelIds[0],
      name: cutName(name),
      parentId: shared ? parentOf(a.labelId) : null,
      reason: `most votes along pair ${pair.pairId} place its samples in neither group`,
      voteQueryIds,
    };
    return { type: 'LabelCreated', data };
  }
  return null;
}

/** Label names hold at most 100 characters; two long names would pass that. */
function cutName(name: string): string {
  return name.length <= 100 ? name : `${name.slice(0, 99)}…`;
}

function refuseChange(tree: LabelTree, change: PairChange): LabelTreeRefusal | null {
  const parsed = eventSchemas[change.type].safeParse(change.data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    return { code: 'VALIDATION', message: `malformed ${change.type}: ${issues.join('; ')}` };
  }
  return refuseLabelChange(tree, change) ?? refuseRepeatedMerge(tree, change);
}

/**
 * Whether two colliding labels are worth a pair of questions: a merge of them must still be
 * possible. It is not for a label and its own ancestor (the tree already holds one under
 * the other) nor for two labels that are their parent's only children (merged already, or
 * the two halves of a split); votes on such a pair could change the tree only by a third
 * class, and they took the place of pairs a merge could settle (the ones split into 1a and
 * 1b were never asked about in a fused-labels campaign while 4|9 (1) and 4|9 were, twice).
 */
export function mayMerge(tree: LabelTree, a: string, b: string): boolean {
  const lineage = (labelId: string) => [labelId, ...ancestorsOf(tree, labelId)];
  if (lineage(a).includes(b) || lineage(b).includes(a)) return false;
  return onlyChildrenParent(tree, a, b) === null;
}

/** The parent whose only two children are `a` and `b`, or null. */
function onlyChildrenParent(tree: LabelTree, a: string, b: string): string | null {
  const parentId = tree.labels[a]?.parentId ?? null;
  const siblings = parentId === null ? [] : (tree.labels[parentId]?.children ?? []);
  return siblings.length === 2 && siblings.includes(b) ? parentId : null;
}

function refuseRepeatedMerge(tree: LabelTree, change: PairChange): LabelTreeRefusal | null {
  if (change.type !== 'LabelsMerged') return null;
  const [a, b] = change.data.labelIds;
  const parentId = onlyChildrenParent(tree, a, b);
  if (parentId === null) return null;
  return {
    code: 'ILLEGAL_STATE',
    message: `labels ${a} and ${b} are already merged: they are the only children of ${parentId}`,
  };
}

/**
 * The tree once an accepted change is recorded, folded by the projection itself so the
 * next change is checked exactly as the store would see it. The position is a stand-in:
 * only `createdAtPosition` of the new labels reads it, and this tree is never shown.
 */
function applied(tree: LabelTree, change: PairChange): LabelTree {
  const metadata = {
    eventId: `proposed/${change.type}`,
    streamId: tree.campaignId,
    version: 0,
    position: 0,
    recordedAt: '',
  };
  const event = { ...change, metadata } as RecordedEvent;
  const trees = evolveLabelTrees(
    { campaigns: withEntry(emptyIdRecord(), tree.campaignId, tree) },
    event,
  );
  return trees.campaigns[tree.campaignId]!;
}
