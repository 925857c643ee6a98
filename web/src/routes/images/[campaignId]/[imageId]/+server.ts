import { error } from '@sveltejs/kit';
import { isDomainError } from '../../../../../../events/errors';
import { getWebContext } from '$lib/server/context';
import { parseImageId } from '$lib/server/images/image-id';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
  const { images } = await getWebContext();

  try {
    const png = images.png(params.campaignId, parseImageId(params.imageId));
    return new Response(new Uint8Array(png), {
      headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=3600' },
    });
  } catch (failure) {
    if (isDomainError(failure) && failure.code === 'NOT_FOUND') error(404, failure.message);
    if (isDomainError(failure) && failure.code === 'VALIDATION') error(400, failure.message);
    throw failure;
  }
};
