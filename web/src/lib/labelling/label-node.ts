/**
 * One label of a campaign's tree with the points it holds: the read model builds it and
 * GraphQL carries it to the labelling views unchanged.
 */
export interface LabelNodeView {
  id: string;
  name: string;
  /** null for a label at the top of the tree. */
  parentId: string | null;
  children: string[];
  /** 0 at the top of the tree. */
  depth: number;
  /** Points carrying this label itself. */
  points: number;
  /** Points carrying this label or a label below it. */
  totalPoints: number;
}
