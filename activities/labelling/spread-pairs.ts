import type { EventData } from '../../events/catalog';
import { ValidationError } from '../../events/errors';
import type { Collision } from '../clustering/ssdbscan';

/** A pair put to the experts: why, and its two groups of points (A, then B). */
export type LabelPair = Pick<EventData<'CollisionDetected'>, 'pairId' | 'kind' | 'groups'>;

/** A pair before {@link numberPairs} gives it its id. */
export type PairCandidate = Omit<LabelPair, 'pairId'>;

/** When a model cluster holds a label (both must hold). */
export interface SpreadOptions {
  /** Least share of the label's labelled points the cluster must have; default 0.2. */
  minShare?: number;
  /** Least number of the label's labelled points the cluster must have; default 5. */
  minPoints?: number;
}

/**
 * Labels whose labelled points spread over several of the model's clusters. A cluster holds
 * a label when it has at least `minShare` of the label's labelled points and at least
 * `minPoints` of them; a label held by two or more clusters gives one pair, its two largest
 * held groups (A the larger; equal sizes: the lower cluster id first), each group's points
 * ascending. `clusters[pointId]` is a point's cluster; a negative one marks a point outside
 * every cluster, which counts toward its label's total but joins no group.
 *
 * Order: the pair whose smaller group is largest first (the strongest evidence of a
 * spread, for a caller that puts only the first few to the experts), then by label id.
 */
export function spreadPairs(
  pointLabels: ReadonlyMap<number, string>,
  clusters: Int32Array,
  options: SpreadOptions = {},
): PairCandidate[] {
  const { minShare = 0.2, minPoints = 5 } = options;
  checkThresholds(minShare, minPoints);

  const pairs: PairCandidate[] = [];
  for (const [labelId, byCluster] of pointsByLabelAndCluster(pointLabels, clusters)) {
    const total = [...byCluster.values()].reduce((sum, points) => sum + points.length, 0);
    const held = [...byCluster.entries()]
      .filter(([clusterId, points]) => {
        const enough = points.length >= minPoints && points.length >= minShare * total;
        return clusterId >= 0 && enough;
      })
      .sort(([c1, p1], [c2, p2]) => p2.length - p1.length || c1 - c2);
    if (held.length < 2) continue;

    const [a, b] = held.slice(0, 2).map(([clusterId, points]) => ({
      labelId,
      clusterId,
      pointIds: [...points].sort((x, y) => x - y),
    }));
    pairs.push({ kind: 'label-spread', groups: [a!, b!] });
  }
  return pairs.sort(
    (p, q) =>
      q.groups[1].pointIds.length - p.groups[1].pointIds.length ||
      codeUnitOrder(p.groups[0].labelId, q.groups[0].labelId),
  );
}

/**
 * One `labels-collide` pair per SSDBSCAN collision, in the collisions' order (strongest
 * first); each group is every labelled point of one of the two labels, ascending. The
 * collisions' labels must be label ids of `pointLabels`, as when SSDBSCAN ran on them.
 */
export function collisionPairs(
  pointLabels: ReadonlyMap<number, string>,
  collisions: readonly Pick<Collision, 'labels'>[],
): PairCandidate[] {
  const pointsOf = new Map<string, number[]>();
  for (const [pointId, labelId] of pointLabels) pushTo(pointsOf, labelId, pointId);
  const groupOf = (labelId: string) => {
    const points = pointsOf.get(labelId);
    if (points === undefined) {
      throw new ValidationError(
        `collision names label ${labelId}, but no labelled point carries it; expected ` +
          `one of ${[...pointsOf.keys()].sort(codeUnitOrder).join(', ') || '(no labels)'}`,
      );
    }
    return { labelId, pointIds: [...points].sort((a, b) => a - b) };
  };

  return collisions.map(({ labels: [a, b] }) => ({
    kind: 'labels-collide' as const,
    groups: [groupOf(a), groupOf(b)],
  }));
}

/**
 * Ids for the round's pairs in the order given: `${idPrefix}.p1`, `${idPrefix}.p2`, ... A
 * prefix such as `${campaignId}.r${round}` with the candidates found the same way again
 * gives the same ids, so a retried activity recognises pairs it already recorded.
 */
export function numberPairs(idPrefix: string, candidates: readonly PairCandidate[]): LabelPair[] {
  return candidates.map((candidate, index) => ({
    pairId: `${idPrefix}.p${index + 1}`,
    ...candidate,
  }));
}

function pointsByLabelAndCluster(pointLabels: ReadonlyMap<number, string>, clusters: Int32Array) {
  const byLabel = new Map<string, Map<number, number[]>>();
  for (const [pointId, labelId] of pointLabels) {
    if (!Number.isInteger(pointId) || pointId < 0 || pointId >= clusters.length) {
      throw new ValidationError(
        `pointLabels: expected point ids in 0..${clusters.length - 1} (one cluster each), ` +
          `received ${pointId}`,
      );
    }
    const byCluster = byLabel.get(labelId) ?? new Map<number, number[]>();
    pushTo(byCluster, clusters[pointId]!, pointId);
    byLabel.set(labelId, byCluster);
  }
  return [...byLabel.entries()].sort(([a], [b]) => codeUnitOrder(a, b));
}

function pushTo<K>(lists: Map<K, number[]>, key: K, value: number) {
  const list = lists.get(key);
  if (list === undefined) lists.set(key, [value]);
  else list.push(value);
}

function checkThresholds(minShare: number, minPoints: number) {
  if (!(minShare >= 0 && minShare <= 1)) {
    throw new ValidationError(`minShare: expected a number in 0..1, received ${minShare}`);
  }
  if (!Number.isInteger(minPoints) || minPoints < 1) {
    throw new ValidationError(`minPoints: expected an integer >= 1, received ${minPoints}`);
  }
}

// Plain code-unit order, not localeCompare: the same on every machine.
const codeUnitOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
