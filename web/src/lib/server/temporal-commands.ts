import { connectCampaignClient, type CampaignClient } from '../../../../client/campaign-client';
import type { ConnectedCommands } from './commands';

/** Where the workflow engine listens, and the namespace and task queue of the campaigns. */
export interface TemporalSettings {
  address: string;
  namespace: string;
  taskQueue: string;
}

/**
 * Commands delivered to the round workflows on Temporal as updates. The connection is opened
 * on the first command, so the web server starts and shows the store while Temporal is still
 * coming up; a failed connection is forgotten, so the next command tries again.
 */
export function createTemporalCommands(settings: TemporalSettings): ConnectedCommands {
  let client: Promise<CampaignClient> | undefined;
  const connected = () => {
    client ??= connectCampaignClient(settings).catch((error: unknown) => {
      client = undefined;
      throw error;
    });
    return client;
  };

  return {
    async answerQuery(round, input) {
      await (await connected()).answerQuery(round, input);
      return { accepted: true };
    },
    async markExpertUnavailable({ campaignId, expertId, reason = '' }) {
      const client = await connected();
      const { unavailable } = await client.markExpertUnavailable(campaignId, expertId, reason);
      return { campaignId, unavailable };
    },
    async markExpertAvailable({ campaignId, expertId }) {
      const { unavailable } = await (await connected()).markExpertAvailable(campaignId, expertId);
      return { campaignId, unavailable };
    },
    async close() {
      const opened = await client?.catch(() => undefined);
      client = undefined;
      await opened?.close();
    },
  };
}
