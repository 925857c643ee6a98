import { ValidationError } from '../../events/errors';
import { labelAtLevel, type LabelTree } from '../../events/projections/label-tree';

/** How one label of the level evaluated fares against the truth. */
export interface LabelScore {
  labelId: string;
  /** Labelled points carrying the label (at the level: carrying it or a label below it). */
  labelled: number;
  /** The true class most of those points have; ties go to the lower class. */
  trueClass: number;
  /** Share of those points in `trueClass`, in (0, 1]. */
  purity: number;
}

/** The label tree scored against the true classes at one level. */
export interface LabelAccuracy {
  /** The depth evaluated (0: top), or null for the labels points carry, normally leaves. */
  depth: number | null;
  /** Share of all points whose predicted label stands for their true class. */
  accuracy: number;
  /** Labels of the level that hold labelled points. */
  labelCount: number;
  /** Per label, by label id. */
  labels: LabelScore[];
}

/**
 * Accuracy of a campaign's labels against the truth. A point is predicted the label that
 * holds the most labelled points of its model cluster (ties: the lower label id; a cluster
 * without labelled points, or a negative cluster id, predicts nothing and its points count
 * as wrong); each label stands for the majority true class of its labelled points; the
 * accuracy is the share of all points whose predicted label stands for their class.
 *
 * Without `depth` the labels are those the points carry (the leaves, normally). With a
 * depth every labelled point counts for its label at that level (`labelAtLevel`), and the
 * cluster votes and class majorities are taken anew at that level: the parent-against-leaf
 * comparison. Several labels may stand for one class, so splitting a class never hurts.
 */
export function labelAccuracy(
  tree: LabelTree,
  clusters: Int32Array,
  truth: ArrayLike<number>,
  depth?: number,
): LabelAccuracy {
  checkSizes(clusters, truth);
  const labelOf = (pointId: number) =>
    depth === undefined ? (tree.pointLabels[pointId] ?? null) : labelAtLevel(tree, pointId, depth);

  const votesByCluster = new Map<number, Map<string, number>>();
  const classesByLabel = new Map<string, Map<number, number>>();
  for (const key of Object.keys(tree.pointLabels)) {
    const pointId = Number(key);
    checkPoint(pointId, truth.length);
    const labelId = labelOf(pointId)!;
    if (clusters[pointId]! >= 0) count(votesByCluster, clusters[pointId]!, labelId);
    count(classesByLabel, labelId, truth[pointId]!);
  }

  const labels = [...classesByLabel.entries()]
    .map(([labelId, classes]) => scoreOf(labelId, classes))
    .sort((a, b) => codeUnitOrder(a.labelId, b.labelId));
  const classOfLabel = new Map(labels.map(({ labelId, trueClass }) => [labelId, trueClass]));
  const classOfCluster = new Map(
    [...votesByCluster.entries()].map(([clusterId, votes]) => {
      const [labelId] = mostCounted(votes, codeUnitOrder);
      return [clusterId, classOfLabel.get(labelId)];
    }),
  );

  let right = 0;
  for (let i = 0; i < truth.length; i++) {
    if (classOfCluster.get(clusters[i]!) === truth[i]) right++;
  }
  return {
    depth: depth ?? null,
    accuracy: right / truth.length,
    labelCount: labels.length,
    labels,
  };
}

function scoreOf(labelId: string, classes: Map<number, number>): LabelScore {
  const [trueClass, most] = mostCounted(classes, (a, b) => a - b);
  const labelled = [...classes.values()].reduce((sum, n) => sum + n, 0);
  return { labelId, labelled, trueClass, purity: most / labelled };
}

function count<K, V>(counts: Map<K, Map<V, number>>, key: K, value: V) {
  const inner = counts.get(key) ?? new Map<V, number>();
  inner.set(value, (inner.get(value) ?? 0) + 1);
  counts.set(key, inner);
}

/** The most counted key with its count; ties go to the key first in `order`. */
function mostCounted<K>(counts: Map<K, number>, order: (a: K, b: K) => number): [K, number] {
  const [first] = [...counts.entries()].sort(([a, n], [b, m]) => m - n || order(a, b));
  return first!;
}

function checkSizes(clusters: Int32Array, truth: ArrayLike<number>) {
  if (clusters.length !== truth.length || truth.length === 0) {
    throw new ValidationError(
      `expected one cluster and one true class per point, at least one point; received ` +
        `${clusters.length} clusters and ${truth.length} classes`,
    );
  }
}

function checkPoint(pointId: number, count: number) {
  if (pointId >= count) {
    throw new ValidationError(
      `the label tree labels point ${pointId}, but clusters and truth cover points ` +
        `0..${count - 1}`,
    );
  }
}

// Plain code-unit order, not localeCompare: the same on every machine.
const codeUnitOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
