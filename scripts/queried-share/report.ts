import { lineChartSvg } from '../plot/line-chart';
import type { ShareResult } from './share-run';

/** The paper's human-in-the-loop row on MNIST. */
export const paperHumanInTheLoop = 0.9843;

const percent = (value: number | null) => (value === null ? '–' : (100 * value).toFixed(1));

export function sharesMarkdown(results: ShareResult[]): string {
  return [
    '| share asked | images queried | labelled by vote | vote errors | k-means on embedding | ' +
      'UMAP + k-means | label tree | grown from votes |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${percent(r.share)} % | ${percent(r.queried)} % | ${percent(r.labelled)} % | ` +
        `${percent(r.voteErrors)} % | ${percent(r.kMeans)} | ${percent(r.umapKMeans)} | ` +
        `${percent(r.labelTree)} | ${percent(r.grown)} |`,
    ),
  ].join('\n');
}

/** Accuracy against the share of images queried, with the paper's row as the target. */
export function sharesSvg(results: ShareResult[]): string {
  return lineChartSvg({
    title: 'Accuracy against the share of images queried',
    xLabels: results.map((r) => `${percent(r.queried)} % queried`),
    series: [
      { name: 'k-means on embedding', colour: '#1f77b4', values: results.map((r) => r.kMeans) },
      { name: 'UMAP + k-means', colour: '#ff7f0e', values: results.map((r) => r.umapKMeans) },
      { name: 'label tree', colour: '#2ca02c', values: results.map((r) => r.labelTree) },
      { name: 'grown from votes', colour: '#9467bd', values: results.map((r) => r.grown) },
    ],
    target: { name: 'paper, human in the loop', value: paperHumanInTheLoop },
  });
}
