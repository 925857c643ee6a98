import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ProposedAnswer } from '../events/rules/answer-rules';
import type { UnavailableExpert } from '../events/rules/expert-availability';
import type { CampaignProgress } from './campaign-input';

/** An expert's answer to one query of a round; refused by the validator when not allowed. */
export const answerQueryUpdate = defineUpdate<{ answersSoFar: number }, [ProposedAnswer]>(
  'answerQuery',
);

export interface OpenQuery {
  queryId: string;
  imageId: number;
  experts: string[];
  options: string[];
  answers: number;
  deadline: string;
}

export const openQueriesQuery = defineQuery<OpenQuery[]>('openQueries');

export const pauseCampaignSignal = defineSignal<[{ reason: string }]>('pauseCampaign');
export const resumeCampaignSignal = defineSignal('resumeCampaign');
export const campaignProgressQuery = defineQuery<CampaignProgress>('campaignProgress');

/** The campaign's unavailable experts after an update; sent to the campaign workflow. */
export interface ExpertAvailability {
  unavailable: string[];
}

/**
 * Takes an expert out of the campaign's pool for new queries, and off the panels of the open
 * queries of the current round they have not answered. Sent to the campaign workflow, which
 * owns availability across rounds and forwards it to the running round.
 */
export const expertUnavailableUpdate = defineUpdate<ExpertAvailability, [UnavailableExpert]>(
  'expertUnavailable',
);

/** Brings an expert back for queries issued from now on; panels already set stay as they are. */
export const expertAvailableUpdate = defineUpdate<ExpertAvailability, [{ expertId: string }]>(
  'expertAvailable',
);

/**
 * The campaign's whole unavailable list, forwarded from the campaign workflow to its running
 * round. A higher revision replaces a lower one, so a late or repeated signal changes nothing.
 */
export const expertAvailabilitySignal =
  defineSignal<[{ revision: number; unavailable: UnavailableExpert[] }]>('expertAvailability');
