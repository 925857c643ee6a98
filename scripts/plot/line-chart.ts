/** Accuracies in [0, 1] as an SVG line chart: one line per series over shared x positions. */
export interface LineChart {
  title: string;
  /** The label under each x position, left to right. */
  xLabels: string[];
  series: { name: string; colour: string; values: (number | null)[] }[];
  /** A dashed horizontal line to compare against, such as the paper's accuracy. */
  target?: { name: string; value: number };
}

const [width, height, left, right, top, bottom] = [640, 350, 50, 20, 30, 290];
const percent = (value: number) => (100 * value).toFixed(1);

/** The chart as a standalone SVG document; a null value leaves a gap in its line. */
export function lineChartSvg(chart: LineChart): string {
  const positions = Math.max(chart.xLabels.length, 2);
  const x = (i: number) => left + (i / (positions - 1)) * (width - left - right);
  const y = (value: number) => bottom - (bottom - top) * value;
  const path = (values: (number | null)[]) =>
    values
      .map((value, i) => {
        if (value === null) return '';
        const move = i === 0 || values[i - 1] === null ? 'M' : 'L';
        return `${move}${x(i).toFixed(1)},${y(value).toFixed(1)}`;
      })
      .filter(Boolean)
      .join(' ');
  const { target } = chart;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
      'font-family="sans-serif" font-size="12">',
    `<title>${escapeXml(chart.title)}</title>`,
    ...[0, 0.2, 0.4, 0.6, 0.8, 1].map(
      (tick) =>
        `<line x1="${left}" x2="${width - right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#ddd"/>` +
        `<text x="${left - 6}" y="${y(tick) + 4}" text-anchor="end">${tick * 100}</text>`,
    ),
    ...(target
      ? [
          `<line class="target" x1="${left}" x2="${width - right}" y1="${y(target.value)}" ` +
            `y2="${y(target.value)}" stroke="#d62728" stroke-dasharray="4 3"/>`,
          `<text x="${width - right}" y="${y(target.value) - 4}" text-anchor="end" ` +
            `fill="#d62728">${escapeXml(target.name)} ${percent(target.value)}</text>`,
        ]
      : []),
    ...chart.series.map(
      (line) =>
        `<path class="series" d="${path(line.values)}" fill="none" ` +
        `stroke="${line.colour}" stroke-width="2"/>`,
    ),
    // A dot on every value: a series of one value has no line to show.
    ...chart.series.flatMap((line) =>
      line.values.flatMap((value, i) =>
        value === null
          ? []
          : [
              `<circle cx="${x(i).toFixed(1)}" cy="${y(value).toFixed(1)}" r="3" ` +
                `fill="${line.colour}"/>`,
            ],
      ),
    ),
    // The legend sits under the x labels, clear of lines near 100 %.
    ...chart.series.map(
      (line, i) =>
        `<rect x="${left + 10 + i * 190}" y="${height - 16}" width="12" height="12" ` +
        `fill="${line.colour}"/>` +
        `<text x="${left + 28 + i * 190}" y="${height - 5}">${escapeXml(line.name)}</text>`,
    ),
    ...chart.xLabels.map(
      (label, i) =>
        `<text x="${x(i)}" y="${bottom + 18}" text-anchor="middle">${escapeXml(label)}</text>`,
    ),
    '</svg>',
  ].join('\n');
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
