import type { RecordedEvent } from '../catalog';
import type { EventHandler, Subscription } from './event-store';

/** A subscription that an adapter can also wake when it knows new events were appended. */
export interface PollingSubscription extends Subscription {
  wake(): void;
}

export interface PollingOptions {
  fromPosition: number;
  handler: EventHandler;
  /** Reads up to `limit` events with a position greater than `after`, in position order. */
  read(after: number, limit: number): Promise<RecordedEvent[]>;
  intervalMs: number;
  batchSize: number;
  /** Called once the subscription has stopped, for whatever reason. */
  onStop(): void;
}

/**
 * Catch-up then live delivery by polling: read a batch after the checkpoint, hand each event
 * to the handler in turn, and sleep once caught up until the interval ends or `wake()` is
 * called. Handing events over one at a time keeps a projection fold in position order.
 * Do not await `close()` inside the handler: close waits for the handler to finish.
 */
export function startPollingSubscription(options: PollingOptions): PollingSubscription {
  const { handler, read, intervalMs, batchSize } = options;
  let stopping = false;
  // Set by a wake that arrives while reading or handling, so that it is not lost.
  let wakePending = false;
  let endSleep: (() => void) | undefined;

  const sleep = () =>
    new Promise<void>((resolve) => {
      if (wakePending || stopping) return resolve();
      const timer = setTimeout(finish, intervalMs);
      function finish() {
        clearTimeout(timer);
        endSleep = undefined;
        resolve();
      }
      endSleep = finish;
    });

  const wake = () => {
    wakePending = true;
    endSleep?.();
  };

  async function deliver() {
    let checkpoint = options.fromPosition;
    while (!stopping) {
      wakePending = false;
      const batch = await read(checkpoint, batchSize);
      for (const event of batch) {
        if (stopping) return;
        await handler(event);
        checkpoint = event.metadata.position;
      }
      if (batch.length < batchSize) await sleep();
    }
  }

  const done = deliver().finally(options.onStop);
  // Callers learn of a failure through `done`; this only keeps an unobserved one from
  // crashing the process as an unhandled rejection.
  done.catch(() => undefined);

  return {
    done,
    wake,
    close: async () => {
      stopping = true;
      wake();
      await done.catch(() => undefined);
    },
  };
}
