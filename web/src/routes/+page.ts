import { createGraphqlRequest } from '$lib/dashboard/graphql-client';
import { loadDashboard } from '$lib/dashboard/load-dashboard';
import type { Selection } from '$lib/dashboard/selection';
import type { PageLoad } from './$types';

// The page reads through the same GraphQL endpoint as any client; on the server SvelteKit's
// fetch calls the endpoint in-process.
export const load: PageLoad = async ({ fetch, url }) => {
  const wanted: Selection = {
    campaignId: url.searchParams.get('campaign'),
    expertId: url.searchParams.get('expert'),
  };
  return { wanted, snapshot: await loadDashboard(createGraphqlRequest(fetch), wanted) };
};
