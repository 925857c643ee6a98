import { causationSchema, type NewEvent } from '../catalog';
import { validateEvent } from '../catalog/validate';
import { ValidationError } from '../errors';
import type { ExpectedVersion } from './event-store';

const describe = (value: unknown) => JSON.stringify(value) ?? String(value);

export function validateStreamId(streamId: unknown): string {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new ValidationError(`stream id must be a non-empty string, got ${describe(streamId)}`);
  }
  return streamId;
}

export function validateExpectedVersion(expected: unknown): ExpectedVersion {
  const valid =
    expected === 'any' ||
    expected === 'no_stream' ||
    (typeof expected === 'number' && Number.isInteger(expected) && expected >= 0);
  if (!valid) {
    throw new ValidationError(
      `expected version must be a non-negative integer, 'any' or 'no_stream', ` +
        `got ${describe(expected)}`,
    );
  }
  return expected as ExpectedVersion;
}

/** Positions and versions start at 1, so 0 means "from the start". */
export function validateCheckpoint(name: string, value: unknown = 0): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new ValidationError(`${name} must be a non-negative integer, got ${describe(value)}`);
  }
  return value;
}

export function validateLimit(limit: unknown): number | undefined {
  if (limit === undefined) return undefined;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
    throw new ValidationError(`limit must be a positive integer, got ${describe(limit)}`);
  }
  return limit;
}

function validateOne(streamId: string, event: unknown, index: number): NewEvent {
  if (typeof event !== 'object' || event === null) {
    throw new ValidationError(
      `event ${index} of the batch for stream ${streamId} must be an object, ` +
        `got ${describe(event)}`,
    );
  }

  const candidate = event as Record<string, unknown>;
  const valid = validateEvent({
    type: candidate.type,
    data: candidate.data,
    eventId: candidate.eventId,
  });
  const causation = causationSchema.optional().safeParse(candidate.causation);
  if (!causation.success) {
    const issues = causation.error.issues.map(
      (issue) => `${issue.path.join('.') || '(causation)'}: ${issue.message}`,
    );
    throw new ValidationError(
      `malformed causation of ${valid.type} event ${valid.eventId}: ${issues.join('; ')}; ` +
        `expected optional non-empty strings workflowId, runId, activity, actor`,
    );
  }
  return causation.data ? { ...valid, causation: causation.data } : valid;
}

/**
 * Checks a whole batch before anything is written, so a malformed event refuses the batch.
 * Returns the events with their data parsed (schema defaults filled in).
 */
export function validateBatch(streamId: string, events: unknown): NewEvent[] {
  if (!Array.isArray(events) || events.length === 0) {
    throw new ValidationError(
      `append to stream ${streamId} needs a non-empty array of events, got ${describe(events)}`,
    );
  }

  const seen = new Set<string>();
  return events.map((event: unknown, index) => {
    let valid: NewEvent;
    try {
      valid = validateOne(streamId, event, index);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      throw new ValidationError(
        `append to stream ${streamId} refused, nothing written: ${error.message}`,
      );
    }
    if (seen.has(valid.eventId)) {
      throw new ValidationError(
        `append to stream ${streamId} refused: event id ${valid.eventId} appears twice ` +
          `in the batch; each event needs its own id`,
      );
    }
    seen.add(valid.eventId);
    return valid;
  });
}
