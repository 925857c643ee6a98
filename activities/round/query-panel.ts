import type { Reassignment } from '../../events/rules/query-panel';
import type { ActivityDependencies } from '../dependencies';
import { readCampaignStream } from '../events/campaign-stream';

/** The reminders of one moment: for each query still open, who has not answered it. */
export interface RemindExpertsInput {
  campaignId: string;
  /** The reminder time, in the round workflow's clock. */
  at: string;
  reminders: { queryId: string; expertIds: string[] }[];
}

/** The panel changes the round workflow decided for one expert who became unavailable. */
export interface ReassignQueriesInput {
  campaignId: string;
  reassignments: Reassignment[];
}

/**
 * The facts of a query's panel changing after issue: reminders to experts who have not
 * answered, and reassignments away from experts who became unavailable. The round workflow
 * decides both; these only record them, once each, so a retried attempt appends nothing new.
 */
export function createQueryPanelActivities({ store }: ActivityDependencies) {
  return {
    async remindExperts(input: RemindExpertsInput): Promise<void> {
      const { campaignId, at } = input;
      const stream = await readCampaignStream(store, campaignId);
      const eventIdOf = (queryId: string) => `${queryId}/QueryReminded`;
      const fresh = input.reminders.filter(({ queryId }) => !stream.find(eventIdOf(queryId)));
      if (fresh.length === 0) return;

      await stream.append(
        fresh.map(({ queryId, expertIds }) => ({
          type: 'QueryReminded' as const,
          eventId: eventIdOf(queryId),
          data: { campaignId, queryId, expertIds, at },
        })),
      );
    },

    async reassignQueries(input: ReassignQueriesInput): Promise<void> {
      const { campaignId } = input;
      const stream = await readCampaignStream(store, campaignId);
      const eventIdOf = ({ queryId, sequence }: Reassignment) =>
        `${queryId}/QueryReassigned/${sequence}`;
      const fresh = input.reassignments.filter((change) => !stream.find(eventIdOf(change)));
      if (fresh.length === 0) return;

      await stream.append(
        fresh.map((change) => {
          const { queryId, fromExpertId, toExpertId, quorum, reason } = change;
          return {
            type: 'QueryReassigned' as const,
            eventId: eventIdOf(change),
            data: { campaignId, queryId, fromExpertId, toExpertId, quorum, reason },
          };
        }),
      );
    },
  };
}
