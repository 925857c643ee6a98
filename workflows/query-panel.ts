import { condition, log, setHandler } from '@temporalio/workflow';
import type { RoundActivities } from '../activities/round-activities';
import { availableExperts, type UnavailableExpert } from '../events/rules/expert-availability';
import {
  assignPanel,
  planReassignments,
  reassignPanel,
  type PanelQuery,
} from '../events/rules/query-panel';
import type { RoundInput } from './campaign-input';
import { expertAvailabilitySignal } from './messages';

/**
 * The panels of one round's queries. A query's panel is drawn from the experts available when
 * it is issued. When the campaign forwards a newly unavailable expert, their open, unanswered
 * queries are handed over here first, so the answer validator refuses the leaver at once, and
 * recorded next. Panel changes and query issues take turns, so a reassignment always follows
 * its query in the store; answers wait for that turn, so the recording activity's view of the
 * panel agrees with the validator's.
 */
export function trackQueryPanels(
  input: RoundInput,
  queries: Map<string, PanelQuery>,
  steps: RoundActivities,
) {
  const { campaign, round } = input;
  const { campaignId } = campaign;
  let unavailable: UnavailableExpert[] = input.unavailableExperts ?? [];
  let wanted = { revision: -1, unavailable };
  let busy = false;

  const inTurn = async <T>(work: () => Promise<T>): Promise<T> => {
    await condition(() => !busy);
    busy = true;
    try {
      return await work();
    } finally {
      busy = false;
    }
  };

  const reassign = async ({ expertId, reason }: UnavailableExpert) => {
    const available = availableExperts(campaign.experts, unavailable);
    const plan = planReassignments([...queries.values()], available, expertId, reason);
    for (const change of plan) {
      const query = queries.get(change.queryId)!;
      Object.assign(query, reassignPanel(query, change));
    }
    if (plan.length === 0) return;

    // A failure here must not fail the round: the in-memory panels stay, and the gap is logged.
    try {
      await steps.reassignQueries({ campaignId, reassignments: plan });
      log.info('queries reassigned', { campaignId, round, expertId, queries: plan.length });
    } catch (error) {
      log.error('reassignment not recorded', { campaignId, round, expertId, error: `${error}` });
    }
  };

  // The latest list wins whatever order signals arrive in; each turn applies the latest.
  setHandler(expertAvailabilitySignal, async (state) => {
    if (state.revision <= wanted.revision) return;
    wanted = state;
    await inTurn(async () => {
      const known = (expertId: string) => unavailable.some((each) => each.expertId === expertId);
      const leaving = wanted.unavailable.filter(({ expertId }) => !known(expertId));
      unavailable = wanted.unavailable;
      for (const expert of leaving) await reassign(expert);
    });
  });

  return {
    /** Panel and quorum of the round's `index`-th query, from the experts available now. */
    panelFor(index: number) {
      const slot = (round - 1) * campaign.queries.perRound + index;
      const available = availableExperts(campaign.experts, unavailable);
      const experts = assignPanel(available, slot, campaign.queries.panelSize);
      return { experts, quorum: Math.min(campaign.queries.quorum, experts.length) };
    },
    /** Records new queries in turn with panel changes. */
    issuing: <T>(record: () => Promise<T>) => inTurn(record),
    /** Resolves once no panel change or issue is being recorded. */
    recorded: () => condition(() => !busy),
  };
}
