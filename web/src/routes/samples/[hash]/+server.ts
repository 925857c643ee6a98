import { getWebContext } from '$lib/server/context';
import { sampleResponse } from '$lib/server/images/sample-response';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
  const { samples } = await getWebContext();
  return sampleResponse(samples, params.hash);
};
