import { createGraphQLError } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';
import { isDomainError, type DomainErrorCode } from '../../../../../events/errors';

/**
 * An expected refusal, sent to the client as it is: a stable extensions.code and a message that
 * says what was received and why it is refused. Anything else thrown is masked by yoga.
 */
export function codedError(code: DomainErrorCode, message: string): GraphQLError {
  // Made by yoga's own helper so that it is an instance of the `graphql` copy yoga checks
  // against: bundlers may resolve `graphql` to its ESM and CommonJS builds side by side.
  return createGraphQLError(message, { extensions: { code } });
}

/** Turns a DomainError into its coded GraphQL error; lets every other error through, to mask. */
export function asCodedError(error: unknown): unknown {
  return isDomainError(error) ? codedError(error.code, error.message) : error;
}
