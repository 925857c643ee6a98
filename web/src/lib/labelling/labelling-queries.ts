import type { LabelNodeView } from './label-node';

/** The rows the labelling views read, mirroring the GraphQL schema's types. */
export interface LabelTreeRow {
  campaignId: string;
  position: number;
  pointCount: number | null;
  unlabelled: number | null;
  labels: LabelNodeView[];
}

export interface LayoutPointRow {
  id: number;
  x: number;
  y: number;
  cluster: number;
  labelId: string | null;
}

export interface PointLayoutRow {
  round: number;
  dimensions: number;
  points: LayoutPointRow[];
}

export interface RelabelReceiptRow {
  eventId: string;
  version: number;
  relabelled: number;
}

export const labelTreeQuery = `query LabelTree($campaignId: ID!, $atPosition: Int) {
  labelTree(campaignId: $campaignId, atPosition: $atPosition) {
    campaignId position pointCount unlabelled
    labels { id name parentId children depth points totalPoints }
  }
}`;

export const pointLayoutQuery = `query PointLayout($campaignId: ID!) {
  pointLayout(campaignId: $campaignId) {
    round dimensions points { id x y cluster labelId }
  }
}`;

export const relabelMutation = `mutation Relabel(
  $campaignId: ID!, $pointIds: [Int!]!, $toLabelId: ID!, $expertId: ID!, $reason: String!
) {
  relabelPoints(
    campaignId: $campaignId, pointIds: $pointIds, toLabelId: $toLabelId,
    expertId: $expertId, reason: $reason
  ) { eventId version relabelled }
}`;
