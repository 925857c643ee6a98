import { IllegalStateError } from '../events/errors';
import type { CampaignInput } from '../workflows/campaign-input';
import { sha256 } from './artefacts/artefact-folder';
import { loadMnistDigits } from './data/mnist';
import type { ActivityDependencies } from './dependencies';
import { readCampaignStream } from './events/campaign-stream';
import { withFailureMapping } from './failures';
import { pairWalkOf } from './labelling/pair-walk-settings';
import { seedLabelTree } from './labelling/seed-tree';

/** Campaign lifecycle facts: started, paused, resumed, completed. */
export function createCampaignActivities({ store }: ActivityDependencies) {
  return withFailureMapping({
    async startCampaign(campaign: CampaignInput): Promise<void> {
      const { campaignId } = campaign;
      // Refused here, before anything is recorded, rather than rounds later at the first jump.
      pairWalkOf(campaign.queries);
      const stream = await readCampaignStream(store, campaignId);
      const startedId = `${campaignId}/CampaignStarted`;
      if (stream.find(startedId)) return;
      if (stream.version > 0) {
        throw new IllegalStateError(`campaign ${campaignId} already exists; choose another id`);
      }

      const digits = loadMnistDigits(campaign.dataset);
      const pixels = new Uint8Array(digits.images.buffer);
      const tree = seedLabelTree({ ...campaign, imageCount: digits.count });
      await stream.append([
        {
          type: 'CampaignStarted',
          eventId: startedId,
          causation: { actor: campaign.owner },
          data: {
            campaignId,
            name: campaign.name,
            labels: campaign.labels,
            rounds: campaign.rounds,
            experts: campaign.experts,
            owner: campaign.owner,
          },
        },
        {
          type: 'DatasetRegistered',
          eventId: `${campaignId}/DatasetRegistered`,
          data: {
            campaignId,
            source: campaign.dataset,
            imageCount: digits.count,
            imagesHash: sha256(pixels),
          },
        },
        ...tree,
      ]);
    },

    async pauseCampaign(input: { campaignId: string; reason: string; occasion: string }) {
      const stream = await readCampaignStream(store, input.campaignId);
      const eventId = `${input.campaignId}/${input.occasion}/CampaignPaused`;
      if (stream.find(eventId)) return;
      await stream.append([
        {
          type: 'CampaignPaused',
          eventId,
          data: { campaignId: input.campaignId, reason: input.reason },
        },
      ]);
    },

    async resumeCampaign(input: { campaignId: string; occasion: string }) {
      const stream = await readCampaignStream(store, input.campaignId);
      const eventId = `${input.campaignId}/${input.occasion}/CampaignResumed`;
      if (stream.find(eventId)) return;
      await stream.append([
        { type: 'CampaignResumed', eventId, data: { campaignId: input.campaignId } },
      ]);
    },

    async completeCampaign(input: { campaignId: string; rounds: number }) {
      const stream = await readCampaignStream(store, input.campaignId);
      const eventId = `${input.campaignId}/CampaignCompleted`;
      if (stream.find(eventId)) return;
      await stream.append([{ type: 'CampaignCompleted', eventId, data: input }]);
    },
  });
}

export type CampaignActivities = ReturnType<typeof createCampaignActivities>;
