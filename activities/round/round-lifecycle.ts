import type { ActivityDependencies } from '../dependencies';
import { readCampaignStream } from '../events/campaign-stream';

export interface CompleteRoundInput {
  campaignId: string;
  round: number;
  accuracy: number;
  answered: number;
  expired: number;
  labelled: number;
  labelAccuracy?: number;
  leaves?: number;
  merges?: number;
  splits?: number;
}

/** The facts that open and close a round. */
export function createRoundLifecycle({ store }: ActivityDependencies) {
  return {
    async startRound(input: { campaignId: string; round: number }): Promise<void> {
      const eventId = `${input.campaignId}/round-${input.round}/RoundStarted`;
      const stream = await readCampaignStream(store, input.campaignId);
      if (stream.find(eventId)) return;
      await stream.append([{ type: 'RoundStarted', eventId, data: input }]);
    },

    async completeRound(input: CompleteRoundInput) {
      const eventId = `${input.campaignId}/round-${input.round}/RoundCompleted`;
      const stream = await readCampaignStream(store, input.campaignId);
      const recorded = stream.find(eventId);
      if (recorded?.type === 'RoundCompleted') return recorded.data;

      await stream.append([{ type: 'RoundCompleted', eventId, data: input }]);
      return input;
    },
  };
}
