import type { ExpertAvailabilityInput, ExpertAvailabilityReceipt } from '../../commands';
import { requireCampaign, requireExpertId } from '../arguments';
import { asCodedError, codedError } from '../coded-error';
import type { GraphqlContext, Resolver } from '../context';

type Change = keyof Pick<
  GraphqlContext['commands'],
  'markExpertUnavailable' | 'markExpertAvailable'
>;

/** Sends an availability change to the campaign workflow, which checks it and records it. */
function availabilityChange(
  change: Change,
): Resolver<ExpertAvailabilityInput, ExpertAvailabilityReceipt> {
  return async (_parent, input, { readModel, commands }) => {
    requireCampaign(readModel, input.campaignId);
    requireExpertId(input.expertId);
    // Recorded on the audit trail: "unavailable" alone would not tell a manager why.
    if (change === 'markExpertUnavailable' && !input.reason?.trim()) {
      throw codedError('VALIDATION', 'reason must say why the expert is unavailable, got none');
    }
    try {
      return await commands[change](input);
    } catch (error) {
      throw asCodedError(error);
    }
  };
}

export const expertResolvers = {
  Mutation: {
    markExpertUnavailable: availabilityChange('markExpertUnavailable'),
    markExpertAvailable: availabilityChange('markExpertAvailable'),
  },
};
