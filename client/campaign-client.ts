import {
  Client,
  Connection,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  IllegalStateError,
  NotFoundError,
  ValidationError,
  type DomainError,
} from '../events/errors';
import type { ProposedAnswer } from '../events/rules/answer-rules';
import {
  campaignWorkflowId,
  roundWorkflowId,
  type CampaignInput,
} from '../workflows/campaign-input';
import {
  answerQueryUpdate,
  expertAvailableUpdate,
  expertUnavailableUpdate,
  pauseCampaignSignal,
  resumeCampaignSignal,
  type ExpertAvailability,
} from '../workflows/messages';

/** The commands people send to running campaigns, through Temporal. */
export interface CampaignClient {
  startCampaign(input: CampaignInput): Promise<{ workflowId: string }>;
  answerQuery(
    target: { campaignId: string; round: number },
    answer: ProposedAnswer,
  ): Promise<{ answersSoFar: number }>;
  /**
   * Gives the expert no new queries and hands their open, unanswered queries of the running
   * round to other experts; refused for an expert outside the pool or the last one available.
   */
  markExpertUnavailable(
    campaignId: string,
    expertId: string,
    reason: string,
  ): Promise<ExpertAvailability>;
  /** Gives the expert queries again from the next ones issued; panels already set stay. */
  markExpertAvailable(campaignId: string, expertId: string): Promise<ExpertAvailability>;
  pauseCampaign(campaignId: string, reason: string): Promise<void>;
  resumeCampaign(campaignId: string): Promise<void>;
  resultOf(campaignId: string): Promise<number[]>;
  close(): Promise<void>;
}

const refusals: Record<string, new (message: string) => DomainError> = {
  VALIDATION: ValidationError,
  ILLEGAL_STATE: IllegalStateError,
  NOT_FOUND: NotFoundError,
};

/** Turns a refused update into the domain error the workflow's validator meant. */
function refusalOf(error: unknown, what: string): unknown {
  if (error instanceof WorkflowNotFoundError) {
    return new NotFoundError(`${what}: no such running workflow`);
  }
  if (error instanceof WorkflowUpdateFailedError) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure && cause.type && refusals[cause.type]) {
      return new refusals[cause.type]!(cause.message);
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/already completed|workflow execution already completed/i.test(message)) {
    return new IllegalStateError(`${what}: the round is already completed`);
  }
  return error;
}

/**
 * A refused update as a domain error. The server reports a workflow that already ended as
 * "not found", so its status tells that apart from one that never existed.
 */
async function updateRefusal(
  handle: WorkflowHandle,
  error: unknown,
  what: string,
  ended: (status: string) => string,
): Promise<unknown> {
  if (!(error instanceof WorkflowNotFoundError)) return refusalOf(error, what);

  const status = await handle.describe().then(
    (description) => description.status.name,
    () => undefined,
  );
  if (status === undefined) return refusalOf(error, what);
  return new IllegalStateError(`${what}: ${ended(status.toLowerCase())}`);
}

export async function connectCampaignClient(options: {
  address: string;
  namespace?: string;
  taskQueue: string;
}): Promise<CampaignClient> {
  const connection = await Connection.connect({ address: options.address });
  const client = new Client({ connection, namespace: options.namespace ?? 'default' });
  const campaignHandle = (id: string) => client.workflow.getHandle(campaignWorkflowId(id));

  return {
    async startCampaign(input) {
      const workflowId = campaignWorkflowId(input.campaignId);
      try {
        await client.workflow.start('campaignWorkflow', {
          workflowId,
          taskQueue: options.taskQueue,
          args: [input],
        });
      } catch (error) {
        if (error instanceof WorkflowExecutionAlreadyStartedError) {
          throw new IllegalStateError(`campaign ${input.campaignId} is already running`);
        }
        throw error;
      }
      return { workflowId };
    },

    async answerQuery(target, answer) {
      const handle = client.workflow.getHandle(roundWorkflowId(target.campaignId, target.round));
      try {
        return await handle.executeUpdate(answerQueryUpdate, { args: [answer] });
      } catch (error) {
        const { campaignId, round } = target;
        throw await updateRefusal(
          handle,
          error,
          `answer to query ${answer.queryId}`,
          (status) =>
            `round ${round} of campaign ${campaignId} is ${status} and takes no more answers`,
        );
      }
    },

    async markExpertUnavailable(campaignId, expertId, reason) {
      const handle = campaignHandle(campaignId);
      try {
        return await handle.executeUpdate(expertUnavailableUpdate, {
          args: [{ expertId, reason }],
        });
      } catch (error) {
        throw await updateRefusal(
          handle,
          error,
          `marking expert ${expertId} unavailable`,
          (status) => `campaign ${campaignId} is ${status}`,
        );
      }
    },

    async markExpertAvailable(campaignId, expertId) {
      const handle = campaignHandle(campaignId);
      try {
        return await handle.executeUpdate(expertAvailableUpdate, { args: [{ expertId }] });
      } catch (error) {
        throw await updateRefusal(
          handle,
          error,
          `marking expert ${expertId} available`,
          (status) => `campaign ${campaignId} is ${status}`,
        );
      }
    },

    async pauseCampaign(campaignId, reason) {
      await campaignHandle(campaignId).signal(pauseCampaignSignal, { reason });
    },

    async resumeCampaign(campaignId) {
      await campaignHandle(campaignId).signal(resumeCampaignSignal);
    },

    async resultOf(campaignId) {
      return (await campaignHandle(campaignId).result()) as number[];
    },

    async close() {
      await connection.close();
    },
  };
}
