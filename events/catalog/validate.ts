import { ValidationError } from '../errors';
import { eventSchemas, type EventType, type NewEvent } from './index';

function isEventType(type: unknown): type is EventType {
  return typeof type === 'string' && Object.hasOwn(eventSchemas, type);
}

function describeIssues(error: { issues: { path: (string | number)[]; message: string }[] }) {
  return error.issues
    .map((issue) => `${issue.path.join('.') || '(data)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Checks an event against the catalogue and returns it with its data parsed (defaults
 * filled in). Throws a ValidationError naming the event and every offending field.
 */
export function validateEvent(event: { type: unknown; data: unknown; eventId: unknown }) {
  if (typeof event.eventId !== 'string' || event.eventId.length === 0) {
    throw new ValidationError(`event id must be a non-empty string, got ${String(event.eventId)}`);
  }
  if (!isEventType(event.type)) {
    throw new ValidationError(
      `unknown event type ${JSON.stringify(event.type)} for event ${event.eventId}; ` +
        `expected one of ${Object.keys(eventSchemas).join(', ')}`,
    );
  }

  const parsed = eventSchemas[event.type].safeParse(event.data);
  if (!parsed.success) {
    throw new ValidationError(
      `malformed ${event.type} event ${event.eventId}: ${describeIssues(parsed.error)}`,
    );
  }
  return { ...event, type: event.type, data: parsed.data } as NewEvent;
}
