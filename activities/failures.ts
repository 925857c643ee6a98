import { ApplicationFailure } from '@temporalio/common';
import { ConcurrencyError, isDomainError } from '../events/errors';

/**
 * Maps domain errors to Temporal failures at the activity edge: a refusal is final
 * (non-retryable, typed by its code), a stale write is retried with a fresh read, and
 * anything else is left to Temporal's retry policy.
 */
export function toActivityFailure(error: unknown): unknown {
  if (!isDomainError(error) || error instanceof ConcurrencyError) return error;
  return ApplicationFailure.create({
    type: error.code,
    message: error.message,
    nonRetryable: true,
    cause: error,
  });
}

type AsyncFunctions = Record<string, (...args: never[]) => Promise<unknown>>;

export function withFailureMapping<T extends AsyncFunctions>(activities: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, activity] of Object.entries(activities)) {
    wrapped[name] = async (...args: never[]) => {
      try {
        return await activity(...args);
      } catch (error) {
        throw toActivityFailure(error);
      }
    };
  }
  return wrapped as T;
}
