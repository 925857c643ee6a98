import type { NewEvent, RecordedEvent, RecordedEventOf } from '../../events/catalog';
import { labelTreeOf, projectLabelTrees, treeAt } from '../../events/projections/label-tree';
import { refuseLabelChange } from '../../events/rules/label-tree-rules';
import { answerLabels, mergeParentsOf } from './training-classes';

type Relabelling = Extract<NewEvent, { type: 'PointsRelabelled' }>;

/** The winning label of every decided query; ties and unanswered queries are absent. */
export function winningLabels(events: readonly RecordedEvent[]): Map<string, string> {
  const winners = new Map<string, string>();
  for (const event of events) {
    if (event.type === 'VoteDecided' && event.data.label !== null) {
      winners.set(event.data.queryId, event.data.label);
    }
  }
  return winners;
}

/**
 * A plain query's winning label moves its image to the label of that name as the tree stood
 * when the round's last query was issued (the names the experts chose from), unless the
 * image already carries it. The round's own merges come later: a label merged under a new
 * parent keeps its id and stays a label to move images to, though its name is no longer an
 * answer. A name no answer had moves nothing.
 */
export function voteRelabels(
  events: readonly RecordedEvent[],
  campaignId: string,
  round: number,
): Relabelling[] {
  const tree = labelTreeOf(projectLabelTrees(events), campaignId);
  const plain = events.filter(
    (event): event is RecordedEventOf<'QueryIssued'> =>
      event.type === 'QueryIssued' && event.data.round === round && !event.data.question,
  );
  if (plain.length === 0) return [];
  const issued = plain.at(-1)!.metadata.position;
  const asked = treeAt(events, campaignId, issued);
  const mergeParents = mergeParentsOf(events.filter((e) => e.metadata.position <= issued));
  // Reversed, so that of two labels with one name the first in the tree wins.
  const answerNamed = new Map(
    answerLabels(asked, mergeParents)
      .map((labelId) => [asked.labels[labelId]!.name, labelId] as const)
      .reverse(),
  );
  const winners = winningLabels(events);
  return plain
    .map(({ data }) => data)
    .flatMap((query): Relabelling[] => {
      const name = winners.get(query.queryId);
      const labelId = name === undefined ? undefined : answerNamed.get(name);
      if (labelId === undefined || tree.pointLabels[query.imageId] === labelId) return [];
      const data = {
        campaignId,
        pointIds: [query.imageId],
        toLabelId: labelId,
        reason: `vote on query ${query.queryId}`,
        by: 'vote' as const,
      };
      if (refuseLabelChange(tree, { type: 'PointsRelabelled', data })) return [];
      // The audit names the experts whose answers carried the vote, not the activity.
      const voters = events.flatMap((event) =>
        event.type === 'AnswerRecorded' &&
        event.data.queryId === query.queryId &&
        event.data.answer === name
          ? [event.data.expertId]
          : [],
      );
      return [
        {
          type: 'PointsRelabelled',
          eventId: `${query.queryId}/PointsRelabelled`,
          data,
          causation: { actor: voters.join(', ') },
        },
      ];
    });
}
