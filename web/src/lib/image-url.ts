/** Where the web server serves one of a campaign's images as a PNG. */
export function imageUrl(campaignId: string, imageId: number): string {
  return `/images/${encodeURIComponent(campaignId)}/${imageId}`;
}
