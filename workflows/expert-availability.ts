import {
  ApplicationFailure,
  log,
  setHandler,
  type ChildWorkflowHandle,
} from '@temporalio/workflow';
import {
  refuseAvailable,
  refuseUnavailable,
  withAvailable,
  withUnavailable,
  type AvailabilityRefusal,
  type UnavailableExpert,
} from '../events/rules/expert-availability';
import type { CampaignInput } from './campaign-input';
import {
  expertAvailabilitySignal,
  expertAvailableUpdate,
  expertUnavailableUpdate,
} from './messages';
import type { roundWorkflow } from './round-workflow';

type RoundHandle = ChildWorkflowHandle<typeof roundWorkflow>;

function refuse(refusal: AvailabilityRefusal | null) {
  if (refusal) {
    throw ApplicationFailure.create({
      type: refusal.code,
      message: refusal.message,
      nonRetryable: true,
    });
  }
}

/**
 * Expert availability lives in the campaign workflow: it outlives each round, crosses
 * continue-as-new in the carried progress, and is where clients send it without knowing the
 * round. The running round gets the whole list by signal, numbered by a revision so a stale
 * signal is ignored, and reassigns the open queries of the experts who left.
 */
export function trackExpertAvailability(
  campaign: CampaignInput,
  carried: readonly UnavailableExpert[],
) {
  let unavailable = [...carried];
  let revision = 0;
  let round: { handle: RoundHandle; revision: number } | undefined;

  // A round that ended meanwhile takes no signal; the next one starts from the list anyway.
  const forward = async () => {
    const target = round;
    if (!target || target.revision >= revision) return;
    target.revision = revision;
    try {
      await target.handle.signal(expertAvailabilitySignal, { revision, unavailable });
    } catch (error) {
      const { workflowId } = target.handle;
      log.warn('expert availability not forwarded', { workflowId, error: `${error}` });
    }
  };

  const change = async (next: UnavailableExpert[]) => {
    const changed = JSON.stringify(next) !== JSON.stringify(unavailable);
    if (changed) {
      unavailable = next;
      revision += 1;
      await forward();
    }
    return { unavailable: unavailable.map((each) => each.expertId) };
  };

  setHandler(expertUnavailableUpdate, (request) => change(withUnavailable(unavailable, request)), {
    validator: (request) => refuse(refuseUnavailable(campaign, unavailable, request)),
  });
  setHandler(
    expertAvailableUpdate,
    ({ expertId }) => change(withAvailable(unavailable, expertId)),
    {
      validator: ({ expertId }) => refuse(refuseAvailable(campaign, expertId)),
    },
  );

  return {
    get unavailable(): UnavailableExpert[] {
      return unavailable;
    },
    /** Runs a round started with the list as it is now, forwarding each change until it ends. */
    async runRound(start: (unavailable: UnavailableExpert[]) => Promise<RoundHandle>) {
      const startedWith = revision;
      const handle = await start(unavailable);
      round = { handle, revision: startedWith };
      try {
        await forward();
        return await handle.result();
      } finally {
        round = undefined;
      }
    },
  };
}
