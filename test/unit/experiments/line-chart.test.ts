import { describe, expect, it } from 'vitest';

import { lineChartSvg } from '../../../scripts/plot/line-chart';

const paths = (svg: string) => [...svg.matchAll(/class="series" d="([^"]*)"/g)].map((m) => m[1]);

describe('lineChartSvg', () => {
  it('draws each series through its points, 0 at the bottom and 1 at the top', () => {
    const svg = lineChartSvg({
      title: 'accuracy',
      xLabels: ['a', 'b'],
      series: [{ name: 's', colour: '#000', values: [0, 1] }],
    });
    // x from 50 to 620, y from 290 (0) to 30 (1).
    expect(paths(svg)).toEqual(['M50.0,290.0 L620.0,30.0']);
  });

  it('leaves a gap where a value is missing, and draws the target line with its name', () => {
    const svg = lineChartSvg({
      title: 'accuracy',
      xLabels: ['a', 'b', 'c'],
      series: [{ name: 's', colour: '#000', values: [null, 0.5, 0.5] }],
      target: { name: 'paper <HIL>', value: 0.9843 },
    });
    expect(paths(svg)).toEqual(['M335.0,160.0 L620.0,160.0']);
    expect(svg).toContain('paper &lt;HIL&gt; 98.4');
  });
});
