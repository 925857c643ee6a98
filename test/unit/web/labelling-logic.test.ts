import { describe, expect, it } from 'vitest';
import { labelColours } from '../../../web/src/lib/labelling/label-colours';
import type { LabelNodeView } from '../../../web/src/lib/labelling/label-node';
import { pointInPolygon, pointsInLasso } from '../../../web/src/lib/labelling/lasso';
import { fitToFrame } from '../../../web/src/lib/labelling/scatter-scale';
import { pointsText, toggled, visibleRows } from '../../../web/src/lib/labelling/tree-rows';

const square = [
  { x: 0, y: 0 },
  { x: 10, y: 0 },
  { x: 10, y: 10 },
  { x: 0, y: 10 },
];
// An L: the square without its upper-right quarter.
const ell = [
  { x: 0, y: 0 },
  { x: 10, y: 0 },
  { x: 10, y: 5 },
  { x: 5, y: 5 },
  { x: 5, y: 10 },
  { x: 0, y: 10 },
];
// A bow tie: two triangles meeting at (5, 5).
const bowTie = [
  { x: 0, y: 0 },
  { x: 10, y: 10 },
  { x: 10, y: 0 },
  { x: 0, y: 10 },
];

describe('lasso', () => {
  it.each([
    ['inside a square', square, { x: 5, y: 5 }, true],
    ['outside a square', square, { x: 15, y: 5 }, false],
    ['left of a square on an edge line', square, { x: -1, y: 10 }, false],
    ['in the body of an L', ell, { x: 2, y: 8 }, true],
    ['in the notch of an L', ell, { x: 8, y: 8 }, false],
    ['in one wing of a bow tie', bowTie, { x: 1, y: 5 }, true],
    ['above the knot of a bow tie', bowTie, { x: 5, y: 2 }, false],
  ])('tells a point %s', (_case, polygon, point, inside) => {
    expect(pointInPolygon(point, polygon)).toBe(inside);
  });

  it('selects exactly the points the lasso encloses, in their order', () => {
    const points = [
      { id: 1, x: 2, y: 8 },
      { id: 2, x: 8, y: 8 },
      { id: 3, x: 8, y: 2 },
      { id: 4, x: -3, y: 2 },
    ];

    expect(pointsInLasso(points, ell).map(({ id }) => id)).toEqual([1, 3]);
  });

  it.each([[[]], [[{ x: 0, y: 0 }]], [square.slice(0, 2)]])(
    'selects nothing with a lasso of fewer than three vertices (%j)',
    (lasso) => {
      expect(pointsInLasso([{ x: 0.5, y: 0.1 }], lasso)).toEqual([]);
    },
  );
});

describe('scatter scale', () => {
  it('fits the layout into the frame with one scale for both axes, y upwards, centred', () => {
    const points = [
      { x: -1, y: 0 },
      { x: 3, y: 2 },
    ];
    const place = fitToFrame(points, { width: 100, height: 100, margin: 10 });

    // 4 wide, 2 high: the width decides the scale, 80 / 4 = 20 units per layout unit.
    expect(place({ x: -1, y: 0 })).toEqual({ x: 10, y: 70 });
    expect(place({ x: 3, y: 2 })).toEqual({ x: 90, y: 30 });
  });

  it('puts a single point in the middle', () => {
    const place = fitToFrame([{ x: 7, y: 7 }], { width: 100, height: 60, margin: 10 });

    expect(place({ x: 7, y: 7 })).toEqual({ x: 50, y: 30 });
  });
});

const row = (id: string, depth: number, children: string[], points = 0): LabelNodeView => ({
  id,
  name: id.toUpperCase(),
  parentId: null,
  children,
  depth,
  points,
  totalPoints: points,
});

// root
//   a
//     a1
//     a2
//   b
// other
const labels = [
  row('root', 0, ['a', 'b']),
  row('a', 1, ['a1', 'a2']),
  row('a1', 2, []),
  row('a2', 2, []),
  row('b', 1, []),
  row('other', 0, []),
];

describe('label tree rows', () => {
  it.each([
    ['nothing collapsed', [], ['root', 'a', 'a1', 'a2', 'b', 'other']],
    ['a collapsed', ['a'], ['root', 'a', 'b', 'other']],
    ['root collapsed', ['root'], ['root', 'other']],
    ['a leaf "collapsed"', ['a1'], ['root', 'a', 'a1', 'a2', 'b', 'other']],
  ])('shows with %s the rows %j', (_case, collapsed, shown) => {
    expect(visibleRows(labels, new Set(collapsed)).map(({ id }) => id)).toEqual(shown);
  });

  it('marks which rows can be toggled and whether they are open', () => {
    const rows = visibleRows(labels, new Set(['a']));

    expect(rows.map(({ id, hasChildren, expanded }) => [id, hasChildren, expanded])).toEqual([
      ['root', true, true],
      ['a', true, false],
      ['b', false, true],
      ['other', false, true],
    ]);
  });

  it('toggles a label in and out of the collapsed set without changing the given set', () => {
    const collapsed = new Set(['a']);

    expect([...toggled(collapsed, 'b')]).toEqual(['a', 'b']);
    expect([...toggled(collapsed, 'a')]).toEqual([]);
    expect([...collapsed]).toEqual(['a']);
  });

  it.each([
    [1, 1, '1 point'],
    [0, 0, '0 points'],
    [2, 5, '2 points, 5 with below'],
  ])('counts %i own and %i total points as "%s"', (points, totalPoints, text) => {
    expect(pointsText({ ...row('x', 0, []), points, totalPoints })).toBe(text);
  });

  it('gives the first ten labels distinct colours and every later label a colour too', () => {
    const ids = Array.from({ length: 14 }, (_, index) => `label-${index + 1}`);
    const colours = labelColours(ids);

    expect(new Set(ids.slice(0, 10).map((id) => colours[id])).size).toBe(10);
    expect(ids.every((id) => typeof colours[id] === 'string')).toBe(true);
  });
});
