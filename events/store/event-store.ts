import type { NewEvent, RecordedEvent } from '../catalog';

/**
 * What a writer believes about a stream before appending: its exact current version
 * (0 = no events yet), `'no_stream'` (it must not exist), or `'any'` (no check).
 */
export type ExpectedVersion = number | 'any' | 'no_stream';

/** The outcome of an append. A retried write returns what the first write returned. */
export interface AppendResult {
  streamId: string;
  /** Version of the batch's last event: pass it as the expected version of the next append. */
  nextVersion: number;
  /** Global position of the batch's last event. */
  lastPosition: number;
  /** true when every event id was already stored: a retried write, nothing new written */
  duplicate: boolean;
}

export interface AppendOptions {
  expectedVersion: ExpectedVersion;
}

export interface ReadStreamOptions {
  /** Read the events after this version; 0 (the default) reads the stream from its start. */
  fromVersion?: number;
}

export interface ReadAllOptions {
  /** Read the events after this global position; 0 (the default) reads from the start. */
  fromPosition?: number;
  /** At most this many events; all of them when absent. */
  limit?: number;
}

export type EventHandler = (event: RecordedEvent) => void | Promise<void>;

/** A running catch-up subscription. */
export interface Subscription {
  /**
   * Stops delivery; resolves once the event being handled, if any, is done. The handler itself
   * must not await it, as it would wait for itself.
   */
  close(): Promise<void>;
  /**
   * Settles when the subscription stops: resolves after `close()`, rejects with the error
   * when the handler or a read failed (no further event is delivered then).
   */
  readonly done: Promise<void>;
}

/**
 * The append-only domain event store: the audit history quality managers read. Streams hold
 * the events of one aggregate (a campaign); positions order every event of the store.
 */
export interface EventStore {
  /**
   * Appends a batch atomically. Refuses the whole batch with a ValidationError when any event
   * is malformed, and with a ConcurrencyError when the expected version does not match. A
   * batch whose event ids are all already stored in the stream is a no-op (`duplicate`).
   */
  append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /** The stream's events in version order; empty for a stream that does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** The version of the stream's last event; 0 when the stream does not exist. */
  streamVersion(streamId: string): Promise<number>;
  /** Events of every stream in global position order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** catch-up then live: delivers every event with position > fromPosition, in order */
  subscribe(fromPosition: number, handler: EventHandler): Subscription;
  /** Closes the subscriptions, then the connection. */
  close(): Promise<void>;
}
