import { getWebContext } from '$lib/server/context';
import { checkedGraphqlRequest } from '$lib/server/graphql/request-body';
import type { RequestHandler } from './$types';

const handle: RequestHandler = async ({ request }) => {
  const { graphql } = await getWebContext();
  const checked = await checkedGraphqlRequest(request);
  return checked instanceof Response ? checked : graphql.fetch(checked);
};

export const GET = handle;
export const POST = handle;
