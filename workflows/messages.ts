import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ProposedAnswer } from '../events/rules/answer-rules';
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
