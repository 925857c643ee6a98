import type { RoundRow } from './dashboard-queries';

/** A point of the plot in SVG units, with the value it stands for. */
export interface PlotPoint {
  x: number;
  y: number;
  round: number;
  value: number;
}

/** The plot's drawing area and the margin left for the axis labels. */
export interface PlotFrame {
  width: number;
  height: number;
  margin: number;
}

/**
 * Places each round's value on a 0..1 vertical scale, rounds spread evenly left to right (one
 * round sits in the middle). Rounds without the value are skipped.
 */
export function plotPoints(
  rounds: RoundRow[],
  pick: (round: RoundRow) => number | null,
  { width, height, margin }: PlotFrame,
): PlotPoint[] {
  const innerWidth = width - 2 * margin;
  const innerHeight = height - 2 * margin;
  const step = rounds.length > 1 ? innerWidth / (rounds.length - 1) : 0;
  const xOf = (index: number) => (rounds.length > 1 ? margin + index * step : width / 2);

  return rounds.flatMap((row, index) => {
    const value = pick(row);
    if (value === null) return [];
    return [{ x: xOf(index), y: margin + (1 - value) * innerHeight, round: row.round, value }];
  });
}

/** The SVG `points` attribute of a polyline through the points. */
export function polyline(points: PlotPoint[]): string {
  return points.map(({ x, y }) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
}
