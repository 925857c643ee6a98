/** Where the web server serves one of a campaign's images as a PNG. */
export function imageUrl(campaignId: string, imageId: number): string {
  return `/images/${encodeURIComponent(campaignId)}/${imageId}`;
}

/** Where the web server serves a synthetic sample, by its content address, as a PNG. */
export function sampleUrl(sampleHash: string): string {
  return `/samples/${sampleHash}`;
}
