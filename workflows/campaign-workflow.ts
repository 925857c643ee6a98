import {
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  proxyActivities,
  setHandler,
  startChild,
} from '@temporalio/workflow';
import type { CampaignActivities } from '../activities/campaign-activities';
import {
  roundWorkflowId,
  type CampaignInput,
  type CampaignProgress,
  type RoundSummary,
} from './campaign-input';
import { trackExpertAvailability } from './expert-availability';
import { campaignProgressQuery, pauseCampaignSignal, resumeCampaignSignal } from './messages';
import { roundWorkflow } from './round-workflow';

/**
 * A campaign runs its rounds one after another, each as a child workflow, and continues as
 * new between rounds so its history stays short however many weeks it runs.
 */
export async function campaignWorkflow(
  campaign: CampaignInput,
  carried?: CampaignProgress,
): Promise<number[]> {
  const { campaignId } = campaign;
  const steps = proxyActivities<CampaignActivities>({
    startToCloseTimeout: '5 minutes',
    retry: { maximumAttempts: 10, nonRetryableErrorTypes: ['VALIDATION', 'ILLEGAL_STATE'] },
  });
  const progress: CampaignProgress = carried ?? { nextRound: 1, paused: false, accuracies: [] };

  // The owner's latest wish wins: a pause followed by a resume before the round ends
  // leaves the campaign running.
  let pauseReason: string | undefined = progress.paused ? 'carried over' : undefined;
  setHandler(pauseCampaignSignal, ({ reason }) => void (pauseReason = reason));
  setHandler(resumeCampaignSignal, () => void (pauseReason = undefined));
  const availability = trackExpertAvailability(campaign, progress.unavailableExperts ?? []);
  setHandler(campaignProgressQuery, () => ({
    ...progress,
    unavailableExperts: availability.unavailable,
  }));

  if (!carried) await steps.startCampaign(campaign);

  // Pauses take effect between rounds: a round already running finishes first.
  const round = progress.nextRound;
  const occasion = `before-round-${round}`;
  if (pauseReason !== undefined) {
    if (!progress.paused) {
      await steps.pauseCampaign({ campaignId, reason: pauseReason, occasion });
      progress.paused = true;
    }
    await condition(() => pauseReason === undefined);
    await steps.resumeCampaign({ campaignId, occasion });
    progress.paused = false;
  }

  // startChild issues the same command executeChild did; the handle lets availability
  // changes reach the round while it runs.
  const summary: RoundSummary = await availability.runRound((unavailableExperts) =>
    startChild(roundWorkflow, {
      workflowId: roundWorkflowId(campaignId, round),
      args: [{ campaign, round, startFromHash: progress.weightsHash, unavailableExperts }],
    }),
  );
  log.info('round finished', { campaignId, round, accuracy: summary.accuracy });

  const next: CampaignProgress = {
    nextRound: round + 1,
    weightsHash: summary.weightsHash,
    paused: false,
    accuracies: [...progress.accuracies, summary.accuracy],
  };
  if (pauseReason !== undefined && round < campaign.rounds) {
    const reason = pauseReason;
    await steps.pauseCampaign({ campaignId, reason, occasion: `before-round-${round + 1}` });
    next.paused = true;
  }
  // Availability changes still being forwarded finish first, and the latest list is carried.
  await condition(allHandlersFinished);
  next.unavailableExperts = availability.unavailable;
  if (round < campaign.rounds) return continueAsNew<typeof campaignWorkflow>(campaign, next);

  await steps.completeCampaign({ campaignId, rounds: round });
  return next.accuracies;
}
