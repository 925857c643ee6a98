import { IllegalStateError } from '../../../../events/errors';
import type { RoundRef } from './read-model';

/** An expert's answer to one query, as the UI submits it. */
export interface AnswerQueryInput {
  queryId: string;
  expertId: string;
  answer: string;
}

/** An expert taken out of a campaign's pool (with a reason) or brought back. */
export interface ExpertAvailabilityInput {
  campaignId: string;
  expertId: string;
  reason?: string;
}

/** The campaign's unavailable experts once the change is made. */
export interface ExpertAvailabilityReceipt {
  campaignId: string;
  unavailable: string[];
}

/**
 * The commands the web app sends to the workflow engine. The Temporal implementation delivers
 * them to the running round workflow, which validates them again and appends the events; a
 * refusal comes back as a DomainError (events/errors.ts).
 */
export interface CampaignCommands {
  /** Delivers an answer to the workflow of the round that asked the query. */
  answerQuery(round: RoundRef, input: AnswerQueryInput): Promise<{ accepted: true }>;
  /** Takes the expert out of the campaign's pool; sent to the campaign workflow. */
  markExpertUnavailable(input: ExpertAvailabilityInput): Promise<ExpertAvailabilityReceipt>;
  markExpertAvailable(input: ExpertAvailabilityInput): Promise<ExpertAvailabilityReceipt>;
}

/** Commands that hold a connection, released when the server shuts down. */
export interface ConnectedCommands extends CampaignCommands {
  close(): Promise<void>;
}

/**
 * Used while no workflow engine is configured, e.g. to show a copied event store: the pages
 * read as usual, and every command is refused, saying why.
 */
export const disconnectedCommands: ConnectedCommands = {
  answerQuery: async (_round, { queryId }) => refuseDisconnected(`the answer to query ${queryId}`),
  markExpertUnavailable: async ({ expertId }) =>
    refuseDisconnected(`expert ${expertId}'s unavailability`),
  markExpertAvailable: async ({ expertId }) =>
    refuseDisconnected(`expert ${expertId}'s availability`),
  close: async () => undefined,
};

function refuseDisconnected(what: string): never {
  throw new IllegalStateError(
    `cannot deliver ${what}: no workflow engine is connected ` +
      '(expected TEMPORAL_ADDRESS to be set)',
  );
}
