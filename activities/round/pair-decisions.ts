import type { NewEvent, RecordedEvent } from '../../events/catalog';
import { labelTreeOf, leavesOf, projectLabelTrees } from '../../events/projections/label-tree';
import { loadMnistDigits } from '../data/mnist';
import type { ActivityDependencies } from '../dependencies';
import { readCampaignStream } from '../events/campaign-stream';
import { labelAccuracy } from '../labelling/label-accuracy';
import { decidePair, voteOfOption } from '../labelling/pair-decision';
import type { PathVote } from '../labelling/pair-decision';
import type { DecidedPair, PairChange } from '../labelling/tree-changes';
import { treeChangesOf } from '../labelling/tree-changes';
import { voteRelabels, winningLabels } from '../labelling/vote-relabels';
import { readClusteredLayout } from './cluster-membership';

export interface DecidePairsInput {
  campaignId: string;
  round: number;
  dataset: { kind: 'mnist'; count: number; offset: number };
  clusteringHash: string;
}

/** What the round's votes did to the label tree. */
export interface TreeOutcome {
  merges: number;
  splits: number;
  /** Points whose label a plain query's vote changed. */
  relabelled: number;
  /** Accuracy of the label tree's leaves over every image, once the changes are in. */
  labelAccuracy: number;
  leaves: number;
}

/**
 * Turns the round's decided votes into label tree facts: each pair's votes along its path
 * into a `PairDecided` and the merge or split it calls for, and each plain query's winning
 * label into a relabelling of its image. Refused changes are logged, never appended.
 */
export function createDecidePairs({ store, artefacts, progress }: ActivityDependencies) {
  return async function decidePairs(input: DecidePairsInput): Promise<TreeOutcome> {
    const { campaignId, round } = input;
    let stream = await readCampaignStream(store, campaignId);
    const pairFacts = pairDecisionEvents(stream.events, campaignId, round, progress);
    const fresh = pairFacts.filter(({ eventId }) => !stream.find(eventId));
    if (fresh.length > 0) await stream.append(fresh);

    stream = await readCampaignStream(store, campaignId);
    const relabels = voteRelabels(stream.events, campaignId, round).filter(
      ({ eventId }) => !stream.find(eventId),
    );
    if (relabels.length > 0) await stream.append(relabels);

    stream = await readCampaignStream(store, campaignId);
    const tree = labelTreeOf(projectLabelTrees(stream.events), campaignId);
    const { clusters } = await readClusteredLayout(artefacts, input.clusteringHash);
    const truth = loadMnistDigits(input.dataset).labels;
    const newLabels = new Set(
      stream.events.flatMap((event) =>
        event.type === 'CollisionDetected' && event.data.round === round
          ? [newLabelIdsOf(event.data.pairId)[0]]
          : [],
      ),
    );
    const roundQueries = new Set(
      stream.events.flatMap((event) =>
        event.type === 'QueryIssued' && event.data.round === round ? [event.data.queryId] : [],
      ),
    );
    const count = (matches: (event: RecordedEvent) => boolean) =>
      stream.events.filter(matches).length;
    return {
      merges: count((e) => e.type === 'LabelsMerged' && newLabels.has(e.data.parentId)),
      splits: count(
        (e) => e.type === 'LabelSplit' && newLabels.has(e.data.children[0]?.labelId ?? ''),
      ),
      relabelled: count(
        (e) =>
          e.type === 'PointsRelabelled' &&
          roundQueries.has(e.metadata.eventId.replace(/\/PointsRelabelled$/, '')),
      ),
      labelAccuracy: Object.keys(tree.pointLabels).length
        ? labelAccuracy(tree, clusters, truth).accuracy
        : 0,
      leaves: leavesOf(tree).length,
    };
  };
}

/** Ids of the labels a pair's merge (its new parent: the first) or split creates. */
export const newLabelIdsOf = (pairId: string): [string, string] => [`${pairId}.1`, `${pairId}.2`];

function pairDecisionEvents(
  events: readonly RecordedEvent[],
  campaignId: string,
  round: number,
  progress: ActivityDependencies['progress'],
): NewEvent[] {
  const pairs = events.flatMap((event) =>
    event.type === 'CollisionDetected' && event.data.round === round ? [event.data] : [],
  );
  if (pairs.length === 0) return [];
  const winners = winningLabels(events);
  const decided: DecidedPair[] = pairs.map((pair) => {
    const asked = events.flatMap((event) =>
      event.type === 'QueryIssued' && event.data.question?.pairId === pair.pairId
        ? [event.data]
        : [],
    );
    const votes: PathVote[] = asked.map((query) => ({
      position: query.question!.position,
      vote: voteOfOption(winners.get(query.queryId) ?? null, [
        query.question!.groups[0].option,
        query.question!.groups[1].option,
      ]),
    }));
    return {
      pair,
      decision: decidePair(votes),
      voteQueryIds: asked.map((query) => query.queryId),
      newLabelIds: newLabelIdsOf(pair.pairId),
    };
  });

  const tree = labelTreeOf(projectLabelTrees(events), campaignId);
  const changes = treeChangesOf(tree, decided);
  for (const { pairId, refusal } of changes.refused) {
    progress?.('pair change refused', { campaignId, round, pairId, reason: refusal.message });
  }
  const refusedOf = new Map(changes.refused.map(({ pairId, refusal }) => [pairId, refusal]));
  return [
    ...decided.map(({ pair, decision, voteQueryIds }): NewEvent => {
      const refused = refusedOf.get(pair.pairId)?.message;
      const { pairId } = pair;
      // The audit says why votes changed nothing, not only the worker's log.
      const why = refused ? { changeRefused: refused.slice(0, 1000) } : {};
      const data = { campaignId, round, pairId, decision, voteQueryIds: [...voteQueryIds], ...why };
      return { type: 'PairDecided', eventId: `${pairId}/PairDecided`, data };
    }),
    ...changes.accepted.map((change): NewEvent => ({
      ...change,
      eventId: changeEventId(campaignId, change),
    })),
  ];
}

/** One id per change, from the label it creates, so a retried round records it once. */
function changeEventId(campaignId: string, change: PairChange): string {
  switch (change.type) {
    case 'LabelsMerged':
      return `${campaignId}/merge/${change.data.parentId}`;
    case 'LabelSplit':
      return `${campaignId}/split/${change.data.children[0]!.labelId}`;
    case 'LabelCreated':
      return `${campaignId}/create/${change.data.labelId}`;
  }
}
