import { ValidationError } from '../errors';

/**
 * The end of every switch over event types: a catalogue event without a case makes the
 * argument something other than `never`, so the projection no longer compiles.
 */
export function unexpectedEvent(event: never): never {
  const { type } = event as { type?: unknown };
  throw new ValidationError(
    `no projection case for event type ${JSON.stringify(type)}; expected a catalogue event`,
  );
}
