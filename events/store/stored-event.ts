import { causationSchema, type EventMetadata, type RecordedEvent } from '../catalog';
import { validateEvent } from '../catalog/validate';
import { ValidationError } from '../errors';

/** One row of the events table, with the column names the adapters select. */
export interface StoredEventRow {
  position: number;
  eventId: string;
  streamId: string;
  version: number;
  type: string;
  data: string;
  causation: string | null;
  recordedAt: string;
}

function parseJson(text: string, what: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`${where} is corrupt: its ${what} is not JSON (${String(error)})`);
  }
}

/**
 * Turns a stored row back into a typed event, validating it again: a row written by an older
 * catalogue or edited outside the store fails here, naming its position, instead of reaching
 * a projection with the wrong shape.
 */
export function decodeStoredEvent(row: StoredEventRow): RecordedEvent {
  const where =
    `stored event at position ${row.position} ` +
    `(stream ${row.streamId}, version ${row.version}, id ${row.eventId})`;

  const data = parseJson(row.data, 'data', where);
  let event;
  try {
    event = validateEvent({ type: row.type, data, eventId: row.eventId });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(`${where} is corrupt: ${error.message}`);
  }

  const metadata: EventMetadata = {
    eventId: row.eventId,
    streamId: row.streamId,
    version: row.version,
    position: row.position,
    recordedAt: row.recordedAt,
  };
  if (row.causation !== null) {
    const causation = causationSchema.safeParse(parseJson(row.causation, 'causation', where));
    if (!causation.success) {
      throw new ValidationError(`${where} is corrupt: malformed causation ${row.causation}`);
    }
    metadata.causation = causation.data;
  }
  return { type: event.type, data: event.data, metadata } as RecordedEvent;
}
