import type { EventData, RecordedEvent } from '../../../../../events/catalog';
import {
  evolveLabelTrees,
  initialLabelTrees,
  labelTreeOf,
  treeAt,
} from '../../../../../events/projections/label-tree';
import { labelEventTypes } from '../../labelling/label-events';
import type { ClusteringRef, LabelTreeView } from '../read-model';
import { toLabelTreeView } from './label-tree-view';

/** A pair question as a QueryIssued carried it. */
export type PairQuestion = NonNullable<EventData<'QueryIssued'>['question']>;

// The events a campaign's label tree is folded from: the dataset gives it its point count;
// every other event leaves it as it is.
const treeEventTypes = new Set<RecordedEvent['type']>(['DatasetRegistered', ...labelEventTypes]);

/** What the labelling views read: label trees, their history, layouts and pair questions. */
export interface LabellingProjection {
  /** Throws, changing nothing, for a label event that breaks the label tree rules. */
  apply(event: RecordedEvent): void;
  /** The tree now, or right after the event at `atPosition`. */
  labelTree(campaignId: string, atPosition?: number): LabelTreeView;
  /** Label id by point id, now; an unlabelled point is absent. */
  pointLabels(campaignId: string): Readonly<Record<string, string>>;
  latestClustering(campaignId: string): ClusteringRef | undefined;
  questionOf(queryId: string): PairQuestion | undefined;
}

/**
 * Folds the label tree projection and keeps each campaign's tree events, so the tree can be
 * shown as it was at any position without reading the store again.
 */
export function createLabellingProjection(): LabellingProjection {
  let trees = initialLabelTrees;
  const treeEvents = new Map<string, RecordedEvent[]>();
  const clusterings = new Map<string, ClusteringRef>();
  const questions = new Map<string, PairQuestion>();

  const lastPosition = (campaignId: string, atPosition = Infinity) => {
    const positions = (treeEvents.get(campaignId) ?? []).map(({ metadata }) => metadata.position);
    return Math.max(0, ...positions.filter((position) => position <= atPosition));
  };

  return {
    apply(event) {
      const { campaignId } = event.data;
      if (treeEventTypes.has(event.type)) {
        trees = evolveLabelTrees(trees, event);
        const events = treeEvents.get(campaignId) ?? [];
        events.push(event);
        treeEvents.set(campaignId, events);
      }
      if (event.type === 'ClustersAssigned') {
        const { round, embeddingHash, clusteringHash } = event.data;
        clusterings.set(campaignId, { round, embeddingHash, clusteringHash });
      }
      if (event.type === 'QueryIssued' && event.data.question) {
        questions.set(event.data.queryId, event.data.question);
      }
    },
    labelTree(campaignId, atPosition) {
      const tree =
        atPosition === undefined
          ? labelTreeOf(trees, campaignId)
          : treeAt(treeEvents.get(campaignId) ?? [], campaignId, atPosition);
      return toLabelTreeView(tree, lastPosition(campaignId, atPosition));
    },
    pointLabels: (campaignId) => labelTreeOf(trees, campaignId).pointLabels,
    latestClustering: (campaignId) => clusterings.get(campaignId),
    questionOf: (queryId) => questions.get(queryId),
  };
}
