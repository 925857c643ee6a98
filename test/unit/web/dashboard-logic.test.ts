import { describe, expect, it } from 'vitest';
import { plotPoints, polyline } from '../../../web/src/lib/dashboard/accuracy-plot';
import { appendAudit, nextAuditPosition } from '../../../web/src/lib/dashboard/audit-feed';
import type {
  AuditRow,
  CampaignRow,
  RoundRow,
} from '../../../web/src/lib/dashboard/dashboard-queries';
import { count, loss, percent, shortHash, utcTime } from '../../../web/src/lib/dashboard/format';
import { resolveSelection } from '../../../web/src/lib/dashboard/selection';

const campaign = (id: string, experts: string[]) => ({ id, experts }) as CampaignRow;
const campaigns = [campaign('old', ['ada']), campaign('new', ['ben', 'cy'])];

describe('dashboard selection', () => {
  it.each([
    [
      { campaignId: null, expertId: null },
      { campaignId: 'new', expertId: 'ben' },
    ],
    [
      { campaignId: 'old', expertId: null },
      { campaignId: 'old', expertId: 'ada' },
    ],
    [
      { campaignId: 'gone', expertId: 'cy' },
      { campaignId: 'new', expertId: 'cy' },
    ],
    [
      { campaignId: 'old', expertId: 'zoe' },
      { campaignId: 'old', expertId: 'zoe' },
    ],
  ])('resolves the wish %j to %j', (wanted, selection) => {
    expect(resolveSelection(campaigns, wanted)).toEqual(selection);
  });

  it('selects nothing while no campaign exists', () => {
    expect(resolveSelection([], { campaignId: null, expertId: null })).toEqual({
      campaignId: null,
      expertId: null,
    });
  });
});

const entry = (position: number) => ({ position }) as AuditRow;
const positions = (entries: AuditRow[]) => entries.map(({ position }) => position);

describe('dashboard audit feed', () => {
  it.each([
    [[], [1, 2], 10, [1, 2]],
    [[1, 2], [2, 3], 10, [1, 2, 3]],
    [[1, 2, 3], [4, 5], 3, [3, 4, 5]],
  ])('appends %j + %j within a window of %i as %j', (held, page, window, expected) => {
    const merged = appendAudit(held.map(entry), page.map(entry), window);

    expect(positions(merged)).toEqual(expected);
  });

  it.each([
    [[], 0],
    [[4, 9], 9],
  ])('reads on after the newest position held: %j -> %i', (held, next) => {
    expect(nextAuditPosition(held.map(entry))).toBe(next);
  });
});

const round = (n: number, accuracy: number | null) => ({ round: n, accuracy }) as RoundRow;
const frame = { width: 120, height: 60, margin: 10 };

describe('accuracy plot', () => {
  it('spreads rounds from margin to margin and maps accuracy 1 to the top', () => {
    const points = plotPoints([round(1, 0), round(2, 0.5), round(3, 1)], (r) => r.accuracy, frame);

    expect(points.map(({ x, y }) => [x, y])).toEqual([
      [10, 50],
      [60, 30],
      [110, 10],
    ]);
    expect(polyline(points)).toBe('10.0,50.0 60.0,30.0 110.0,10.0');
  });

  it('puts a single round in the middle and leaves out rounds not measured yet', () => {
    expect(plotPoints([round(1, 0.5)], (r) => r.accuracy, frame)).toEqual([
      { x: 60, y: 30, round: 1, value: 0.5 },
    ]);
    const points = plotPoints([round(1, 0.5), round(2, null)], (r) => r.accuracy, frame);
    expect(points.map((point) => point.round)).toEqual([1]);
  });
});

describe('dashboard formats', () => {
  it.each([
    [percent(0.81234), '81.2 %'],
    [percent(null), '–'],
    [count(0), '0'],
    [count(null), '–'],
    [loss(0.0412345), '0.04123'],
    [shortHash('ab'.repeat(32)), 'abababababab'],
    [shortHash(null), '–'],
    [utcTime('2025-01-01T09:00:11.000Z'), '2025-01-01 09:00:11 UTC'],
  ])('shows %s as expected', (shown, expected) => {
    expect(shown).toBe(expected);
  });
});
