import { env } from '$env/dynamic/private';
import type { ServerInit } from '@sveltejs/kit';
import { closeWebContext, getWebContext } from '$lib/server/context';

// Open the store and catch the read model up before the first request, so the first page
// already shows every campaign.
export const init: ServerInit = async () => {
  const { logger } = await getWebContext(env);

  // adapter-node emits this once it stopped taking requests (SIGTERM, SIGINT): the store's
  // polling timer would otherwise keep the process alive.
  process.once('sveltekit:shutdown', (reason: unknown) => {
    logger.info('web server shutting down', { reason });
    closeWebContext().catch((error: unknown) => logger.error('closing failed', { error }));
  });
};
