/** The colour of points nobody labelled yet. */
export const unlabelledColour = '#b8b8b8';

// Ten well-separated hues (a common categorical palette) for the usual ten digits; labels
// beyond them take hues a golden angle apart, which never repeat.
const palette = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

/** A colour per label id, in the order given (the tree's depth-first order). */
export function labelColours(labelIds: readonly string[]): Record<string, string> {
  const colours: Record<string, string> = Object.create(null);
  labelIds.forEach((labelId, index) => {
    colours[labelId] = palette[index] ?? `hsl(${Math.round(index * 137.508) % 360} 65% 45%)`;
  });
  return colours;
}
