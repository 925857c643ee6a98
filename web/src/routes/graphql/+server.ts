import { getWebContext } from '$lib/server/context';
import type { RequestHandler } from './$types';

const handle: RequestHandler = async ({ request }) => {
  const { graphql } = await getWebContext();
  return graphql.fetch(request);
};

export const GET = handle;
export const POST = handle;
