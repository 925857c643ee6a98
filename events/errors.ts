/**
 * The product's one error hierarchy. Each edge maps it: activities to non-retryable
 * application failures, GraphQL resolvers to coded errors, entry scripts to an exit code.
 */
export type DomainErrorCode = 'VALIDATION' | 'ILLEGAL_STATE' | 'NOT_FOUND' | 'CONCURRENCY';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that can never be accepted as it is (wrong shape, unknown label, NaN pixel). */
export class ValidationError extends DomainError {
  readonly code = 'VALIDATION';
}

/** A well-formed request that the current state forbids (answer to a closed query). */
export class IllegalStateError extends DomainError {
  readonly code = 'ILLEGAL_STATE';
}

/** A reference to something that does not exist (unknown campaign, query or stream). */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
}

/** A write based on a stale view: the stream moved on since the writer read it. */
export class ConcurrencyError extends DomainError {
  readonly code = 'CONCURRENCY';
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
