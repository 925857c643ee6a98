import { Context } from '@temporalio/activity';
import type { Causation, NewEvent, RecordedEvent } from '../../events/catalog';
import type { EventStore } from '../../events/store/event-store';

export const campaignStreamId = (campaignId: string) => `campaign-${campaignId}`;

/** The workflow run and activity appending, when called inside a Temporal activity. */
export function activityCausation(): Causation | undefined {
  try {
    const { workflowExecution, activityType } = Context.current().info;
    return { ...workflowExecution, activity: activityType };
  } catch {
    return undefined; // called outside an activity, e.g. by a script
  }
}

/**
 * A campaign's stream as one writer sees it: the events read, the version they end at, and
 * an append that expects exactly that version, so a writer that decided on a stale view is
 * refused rather than interleaved.
 */
export interface CampaignStream {
  events: RecordedEvent[];
  version: number;
  find(eventId: string): RecordedEvent | undefined;
  append(events: NewEvent[]): Promise<void>;
}

export async function readCampaignStream(
  store: EventStore,
  campaignId: string,
): Promise<CampaignStream> {
  const streamId = campaignStreamId(campaignId);
  const events = await store.readStream(streamId);
  const version = events.at(-1)?.metadata.version ?? 0;
  const causation = activityCausation();

  return {
    events,
    version,
    find: (eventId) => events.find((event) => event.metadata.eventId === eventId),
    append: async (newEvents) => {
      const stamped = newEvents.map((event) => ({ causation, ...event }));
      await store.append(streamId, stamped, { expectedVersion: version });
    },
  };
}
