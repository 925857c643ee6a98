import type { CampaignView } from '../../read-model';
import type { Resolver } from '../context';

export const campaignResolvers: {
  Query: {
    campaigns: Resolver<Record<string, never>, CampaignView[]>;
    campaign: Resolver<{ id: string }, CampaignView | null>;
  };
} = {
  Query: {
    campaigns: (_parent, _args, { readModel }) => readModel.campaigns(),
    campaign: (_parent, { id }, { readModel }) => readModel.campaign(id) ?? null,
  },
};
