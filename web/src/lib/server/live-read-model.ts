import type { EventStore, Subscription } from '../../../../events/store/event-store';
import type { Logger } from './logger';
import { createProjectedReadModel, type ProjectedReadModel } from './projected-read-model';

/** A read model that follows the store until closed. */
export interface LiveReadModel extends Omit<ProjectedReadModel, 'apply'> {
  close(): Promise<void>;
}

const restartDelayMs = 1_000;

/**
 * Reads the whole store into a fresh read model, then follows it live from where the read
 * ended. A failed subscription is logged and restarted from the last applied position, so a
 * passing read error never freezes the page.
 */
export async function followEventStore(store: EventStore, logger: Logger): Promise<LiveReadModel> {
  const model = createProjectedReadModel();
  for (const event of await store.readAll()) model.apply(event);

  let subscription: Subscription;
  let closed = false;
  let restartTimer: ReturnType<typeof setTimeout> | undefined;

  const follow = () => {
    subscription = store.subscribe(model.position(), (event) => model.apply(event));
    subscription.done.catch((error: unknown) => {
      if (closed) return;
      logger.error('read model subscription failed; restarting', {
        position: model.position(),
        error,
      });
      restartTimer = setTimeout(follow, restartDelayMs);
    });
  };
  follow();

  return {
    position: model.position,
    campaigns: model.campaigns,
    campaign: model.campaign,
    openQueries: model.openQueries,
    roundOfQuery: model.roundOfQuery,
    auditEvents: model.auditEvents,
    dataset: model.dataset,
    refuseAnswer: model.refuseAnswer,
    labelTree: model.labelTree,
    pointLabels: model.pointLabels,
    latestClustering: model.latestClustering,
    close: async () => {
      closed = true;
      clearTimeout(restartTimer);
      await subscription.close();
    },
  };
}
