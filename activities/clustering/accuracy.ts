import { ValidationError } from '../../events/errors';
import { minimumCostMatching } from './hungarian';

/** How well a clustering recovers the true classes, each in [0, 1] (ARI may dip below 0). */
export interface ClusteringScores {
  /** Share of points whose cluster maps to their class under the best one-to-one map. */
  accuracy: number;
  /** Normalised mutual information (arithmetic-mean normalisation, as scikit-learn). */
  nmi: number;
  /** Adjusted Rand index: 0 for chance agreement, 1 for identical partitions. */
  ari: number;
}

/**
 * Clustering accuracy: clusters are matched one-to-one to classes by the Hungarian method
 * so as to cover the most points; unmatched clusters count as wrong.
 */
export function clusteringAccuracy(labels: ArrayLike<number>, assignments: ArrayLike<number>) {
  const table = contingency(labels, assignments);
  const size = Math.max(table.length, table[0]!.length);
  const largest = Math.max(...table.flat());
  const cost = Array.from({ length: size }, (_, cluster) =>
    Array.from({ length: size }, (_, label) => largest - (table[label]?.[cluster] ?? 0)),
  );
  const labelOfCluster = minimumCostMatching(cost);
  let matched = 0;
  labelOfCluster.forEach((label, cluster) => (matched += table[label]?.[cluster] ?? 0));
  return matched / labels.length;
}

/** Accuracy, NMI and ARI of one clustering against the true labels. */
export function clusteringScores(
  labels: ArrayLike<number>,
  assignments: ArrayLike<number>,
): ClusteringScores {
  const table = contingency(labels, assignments);
  return {
    accuracy: clusteringAccuracy(labels, assignments),
    nmi: normalisedMutualInformation(table, labels.length),
    ari: adjustedRandIndex(table, labels.length),
  };
}

/** table[label][cluster] = points of that class in that cluster. */
function contingency(labels: ArrayLike<number>, assignments: ArrayLike<number>): number[][] {
  if (labels.length !== assignments.length || labels.length === 0) {
    throw new ValidationError(
      `expected as many labels as assignments and at least one, received ` +
        `${labels.length} labels and ${assignments.length} assignments`,
    );
  }
  const ids = (values: ArrayLike<number>, name: string) => {
    let top = 0;
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      if (!Number.isInteger(value) || value < 0) {
        throw new ValidationError(`${name}[${i}]: expected an integer >= 0, received ${value}`);
      }
      top = Math.max(top, value);
    }
    return top + 1;
  };
  const classes = ids(labels, 'labels');
  const clusters = ids(assignments, 'assignments');
  const table = Array.from({ length: classes }, () => new Array<number>(clusters).fill(0));
  for (let i = 0; i < labels.length; i++) table[labels[i]!]![assignments[i]!]!++;
  return table;
}

function entropyOf(counts: number[], total: number): number {
  return counts.reduce((sum, c) => (c > 0 ? sum - (c / total) * Math.log(c / total) : sum), 0);
}

function normalisedMutualInformation(table: number[][], total: number): number {
  const classSizes = table.map((row) => row.reduce((a, b) => a + b, 0));
  const clusterSizes = table[0]!.map((_, c) => table.reduce((a, row) => a + row[c]!, 0));
  let mutual = 0;
  table.forEach((row, l) =>
    row.forEach((n, c) => {
      if (n > 0)
        mutual += (n / total) * Math.log((n * total) / (classSizes[l]! * clusterSizes[c]!));
    }),
  );
  const mean = (entropyOf(classSizes, total) + entropyOf(clusterSizes, total)) / 2;
  return mean > 0 ? mutual / mean : 1;
}

function adjustedRandIndex(table: number[][], total: number): number {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const classSizes = table.map((row) => row.reduce((a, b) => a + b, 0));
  const clusterSizes = table[0]!.map((_, c) => table.reduce((a, row) => a + row[c]!, 0));
  const index = table.flat().reduce((sum, n) => sum + pairs(n), 0);
  const classPairs = classSizes.reduce((sum, n) => sum + pairs(n), 0);
  const clusterPairs = clusterSizes.reduce((sum, n) => sum + pairs(n), 0);
  const expected = (classPairs * clusterPairs) / pairs(total);
  const maximum = (classPairs + clusterPairs) / 2;
  return maximum === expected ? 1 : (index - expected) / (maximum - expected);
}
