import { error } from '@sveltejs/kit';
import { isDomainError } from '../../../../../events/errors';
import { shownInput } from '../../../../../events/rules/shown-input';
import { isSampleHash, type SampleImages } from './sample-images';

/**
 * The sample route's answer: the PNG, cached for long since its address is its content. A
 * malformed address is a 400 and an unknown one a 404 (SvelteKit `error()`, thrown); a stored
 * sample that is corrupt or no image is the server's fault, left to become a 500.
 */
export async function sampleResponse(samples: SampleImages, hash: string): Promise<Response> {
  if (!isSampleHash(hash)) {
    error(400, `sample address must be 64 lowercase hex digits, got ${shownInput(hash, 70)}`);
  }

  try {
    const png = await samples.png(hash);
    return new Response(new Uint8Array(png), {
      headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=31536000' },
    });
  } catch (failure) {
    if (isDomainError(failure) && failure.code === 'NOT_FOUND') error(404, failure.message);
    throw failure;
  }
}
