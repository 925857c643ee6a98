import type { CampaignRow } from './dashboard-queries';

/** Which campaign and expert the dashboard shows. */
export interface Selection {
  campaignId: string | null;
  expertId: string | null;
}

/**
 * Keeps what was asked for when it exists, else falls back to the newest campaign and its first
 * expert. An expert named in the address is kept even if no campaign lists them yet.
 */
export function resolveSelection(campaigns: CampaignRow[], wanted: Selection): Selection {
  const campaign = campaigns.find(({ id }) => id === wanted.campaignId) ?? campaigns.at(-1);
  const expertId = wanted.expertId ?? campaign?.experts[0] ?? null;
  return { campaignId: campaign?.id ?? null, expertId };
}
