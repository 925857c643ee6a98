import type { EventData } from '../../events/catalog';
import { lineChartSvg } from '../plot/line-chart';

/** One round of the campaign as the report shows it. */
export interface RoundLine {
  round: number;
  /** Clustering accuracy of the round's model (UMAP + k-means, Hungarian). */
  accuracy: number;
  /** Accuracy of the label tree's leaves over every image after the round's votes. */
  labelAccuracy: number;
  leaves: number;
  merges: number;
  splits: number;
  /** Images asked about in plain queries so far, over all images. */
  queriedShare: number;
  /** Images carrying a label after the round, over all images. */
  labelledShare: number;
  /** Pair questions (synthetic samples) asked in the round. */
  samplesAsked: number;
}

export function roundLine(
  completed: EventData<'RoundCompleted'>,
  queried: number,
  labelled: number,
  samplesAsked: number,
  count: number,
): RoundLine {
  return {
    round: completed.round,
    accuracy: completed.accuracy,
    labelAccuracy: completed.labelAccuracy ?? 0,
    leaves: completed.leaves ?? 0,
    merges: completed.merges ?? 0,
    splits: completed.splits ?? 0,
    queriedShare: queried / count,
    labelledShare: labelled / count,
    samplesAsked,
  };
}

const percent = (value: number) => (100 * value).toFixed(1);

export function roundsMarkdown(lines: RoundLine[]): string {
  return [
    '| round | clustering accuracy | label tree accuracy | leaves | merges | splits | ' +
      'samples asked | images queried | images labelled |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...lines.map(
      (line) =>
        `| ${line.round} | ${percent(line.accuracy)} | ${percent(line.labelAccuracy)} | ` +
        `${line.leaves} | ${line.merges} | ${line.splits} | ${line.samplesAsked} | ` +
        `${percent(line.queriedShare)} % | ${percent(line.labelledShare)} % |`,
    ),
  ].join('\n');
}

/** Both accuracies per round as lines, with the paper's human-in-the-loop row as a target. */
export function roundsSvg(lines: RoundLine[], target: number): string {
  return lineChartSvg({
    title: 'Fused-labels campaign: accuracy per round',
    xLabels: lines.map((line) => `round ${line.round}`),
    series: [
      {
        name: 'clustering accuracy',
        colour: '#1f77b4',
        values: lines.map((line) => line.accuracy),
      },
      {
        name: 'label tree accuracy',
        colour: '#2ca02c',
        values: lines.map((line) => line.labelAccuracy),
      },
    ],
    target: { name: 'paper, human in the loop', value: target },
  });
}

/**
 * One line per pair a round put to the experts: the labels (names as `nameOf` gives them),
 * why they were asked about, what the votes decided and how the tree changed.
 */
export function pairLines(
  pairs: readonly EventData<'CollisionDetected'>[],
  decided: readonly EventData<'PairDecided'>[],
  changedBy: ReadonlyMap<string, string>,
  nameOf: (labelId: string) => string,
): string[] {
  const decisions = new Map(decided.map((pair) => [pair.pairId, pair.decision]));
  return pairs.map(({ round, pairId, kind, groups: [a, b] }) => {
    const asked =
      kind === 'label-spread'
        ? `${nameOf(a.labelId)} spread over clusters ${a.clusterId} and ${b.clusterId}`
        : `${nameOf(a.labelId)} and ${nameOf(b.labelId)} collide`;
    const change = changedBy.get(pairId);
    return (
      `- round ${round}, ${pairId}: ${asked} (${a.pointIds.length} / ${b.pointIds.length} ` +
      `points): ${decisions.get(pairId) ?? 'not decided'}${change ? `, ${change}` : ''}`
    );
  });
}
