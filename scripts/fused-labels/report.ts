import type { EventData } from '../../events/catalog';

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
  const [width, height, left, right, top, bottom] = [640, 340, 50, 20, 30, 290];
  const rounds = Math.max(lines.length, 2);
  const x = (round: number) => left + ((round - 1) / (rounds - 1)) * (width - left - right);
  const y = (value: number) => bottom - (bottom - top) * value;
  const path = (pick: (line: RoundLine) => number) =>
    lines
      .map((line, i) => `${i ? 'L' : 'M'}${x(line.round).toFixed(1)},${y(pick(line)).toFixed(1)}`)
      .join(' ');
  const series = [
    { name: 'clustering accuracy', colour: '#1f77b4', pick: (l: RoundLine) => l.accuracy },
    { name: 'label tree accuracy', colour: '#2ca02c', pick: (l: RoundLine) => l.labelAccuracy },
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
      'font-family="sans-serif" font-size="12">',
    '<title>Fused-labels campaign: accuracy per round</title>',
    ...[0, 0.2, 0.4, 0.6, 0.8, 1].map(
      (tick) =>
        `<line x1="${left}" x2="${width - right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#ddd"/>` +
        `<text x="${left - 6}" y="${y(tick) + 4}" text-anchor="end">${tick * 100}</text>`,
    ),
    `<line class="target" x1="${left}" x2="${width - right}" y1="${y(target)}" y2="${y(target)}" ` +
      `stroke="#d62728" stroke-dasharray="4 3"/>`,
    `<text x="${width - right}" y="${y(target) - 4}" text-anchor="end" fill="#d62728">` +
      `paper, human in the loop ${percent(target)}</text>`,
    ...series.map(
      (line) =>
        `<path class="series" d="${path(line.pick)}" fill="none" ` +
        `stroke="${line.colour}" stroke-width="2"/>`,
    ),
    ...series.map(
      (line, i) =>
        `<rect x="${left + 10 + i * 180}" y="${top}" width="12" height="12" ` +
        `fill="${line.colour}"/>` +
        `<text x="${left + 28 + i * 180}" y="${top + 11}">${line.name}</text>`,
    ),
    ...lines.map(
      (line) =>
        `<text x="${x(line.round)}" y="${bottom + 18}" text-anchor="middle">` +
        `round ${line.round}</text>`,
    ),
    '</svg>',
  ].join('\n');
}
