/** A position on the plot, in SVG units. */
export interface PlotPosition {
  x: number;
  y: number;
}

/**
 * Even-odd ray casting: a ray from the point to the right crosses the polygon's edges an odd
 * number of times exactly when the point is inside. The polygon closes itself from its last
 * vertex back to its first; a self-crossing lasso keeps the even-odd meaning.
 */
export function pointInPolygon(point: PlotPosition, polygon: readonly PlotPosition[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i, i += 1) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    const straddles = a.y > point.y !== b.y > point.y;
    if (straddles && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x) {
      inside = !inside;
    }
  }
  return inside;
}

/** The points a lasso encloses; a lasso of fewer than three vertices encloses nothing. */
export function pointsInLasso<T extends PlotPosition>(
  points: readonly T[],
  lasso: readonly PlotPosition[],
): T[] {
  if (lasso.length < 3) return [];
  return points.filter((point) => pointInPolygon(point, lasso));
}

/** The SVG `points` attribute of the lasso drawn so far. */
export function lassoPath(lasso: readonly PlotPosition[]): string {
  return lasso.map(({ x, y }) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
}
