import type { PlotPosition } from './lasso';

/** The plot's size in SVG units and the margin kept free around the points. */
export interface ScatterFrame {
  width: number;
  height: number;
  margin: number;
}

/**
 * Maps layout coordinates into the frame, the same scale on both axes so that distances
 * keep their meaning, centred, with y growing upwards as on paper.
 */
export function fitToFrame(
  points: readonly { x: number; y: number }[],
  { width, height, margin }: ScatterFrame,
): (point: { x: number; y: number }) => PlotPosition {
  if (points.length === 0) return () => ({ x: width / 2, y: height / 2 });
  const xs = points.map(({ x }) => x);
  const ys = points.map(({ y }) => y);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];

  // A single point or a line has no extent on an axis; any scale then does.
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const offsetX = (width - scale * (maxX - minX)) / 2;
  const offsetY = (height - scale * (maxY - minY)) / 2;
  return ({ x, y }) => ({
    x: offsetX + (x - minX) * scale,
    y: height - offsetY - (y - minY) * scale,
  });
}
