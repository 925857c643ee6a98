import { shownInput } from '../../../../../events/rules/shown-input';
import type { ReadModel } from '../read-model';
import { codedError } from './coded-error';

/** Refuses, as NOT_FOUND, a campaign id the read model does not know. */
export function requireCampaign(readModel: ReadModel, campaignId: string): void {
  if (!readModel.campaign(campaignId)) {
    throw codedError('NOT_FOUND', `campaign ${shownInput(campaignId)} does not exist`);
  }
}

/** Refuses, as VALIDATION, a blank expert id: it names nobody, so no answer would be right. */
export function requireExpertId(expertId: string): void {
  if (expertId.trim() === '') {
    throw codedError('VALIDATION', `expertId must name an expert, got ${shownInput(expertId)}`);
  }
}
