import { condition, log } from '@temporalio/workflow';
import type { RoundActivities } from '../activities/round-activities';
import type { PanelQuery } from '../events/rules/query-panel';
import type { QuerySettings } from './campaign-input';

async function remindExperts(
  queries: Map<string, PanelQuery>,
  campaignId: string,
  steps: RoundActivities,
) {
  const answered = (query: PanelQuery, expertId: string) =>
    query.answers.some((answer) => answer.expertId === expertId);
  const reminders = [...queries.values()]
    .filter((query) => query.status === 'open')
    .map((query) => ({
      queryId: query.queryId,
      expertIds: query.experts.filter((expertId) => !answered(query, expertId)),
    }))
    .filter((reminder) => reminder.expertIds.length > 0);
  if (reminders.length === 0) return;

  await steps.remindExperts({ campaignId, at: new Date().toISOString(), reminders });
  log.info('experts reminded', { campaignId, queries: reminders.length });
}

/**
 * Waits until every query of the round is closed, or the deadline passes. The waits are
 * workflow timers, never sleeps in activities, so queries can stay open for days across worker
 * and server restarts. With a reminder time before the deadline, the experts who have not
 * answered the queries still open then are reminded once.
 */
export async function awaitAnswers(
  queries: Map<string, PanelQuery>,
  campaignId: string,
  settings: QuerySettings,
  steps: RoundActivities,
): Promise<void> {
  const { deadlineSeconds, reminderSeconds } = settings;
  const settled = () => [...queries.values()].every((query) => query.status !== 'open');
  if (reminderSeconds === undefined || reminderSeconds >= deadlineSeconds) {
    await condition(settled, `${deadlineSeconds} seconds`);
    return;
  }

  const waitStarted = Date.now();
  if (await condition(settled, `${reminderSeconds} seconds`)) return;
  await remindExperts(queries, campaignId, steps);
  // The deadline counts from the start of the wait, however long the reminder took to record.
  const left = deadlineSeconds * 1000 - (Date.now() - waitStarted);
  await condition(settled, Math.max(left, 1));
}
