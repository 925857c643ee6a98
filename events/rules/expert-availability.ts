/**
 * Which experts of a campaign's pool may be given queries. Pure, so the campaign workflow's
 * update validators and its handlers apply the same rules.
 */

/** An expert the campaign gives no new queries to, and why (holiday, sick leave). */
export interface UnavailableExpert {
  expertId: string;
  reason: string;
}

/** Why an availability change was refused, coded like the domain errors. */
export interface AvailabilityRefusal {
  code: 'NOT_FOUND' | 'VALIDATION' | 'ILLEGAL_STATE';
  message: string;
}

const maxReasonLength = 500;

/** The pool without the unavailable experts, in pool order. */
export function availableExperts(
  pool: readonly string[],
  unavailable: readonly UnavailableExpert[],
): string[] {
  return pool.filter((expertId) => !unavailable.some((each) => each.expertId === expertId));
}

function refuseUnknown(campaignId: string, pool: readonly string[], expertId: string) {
  if (pool.includes(expertId)) return null;
  return {
    code: 'NOT_FOUND' as const,
    message:
      `expert ${expertId} is not in the expert pool of campaign ${campaignId} ` +
      `(pool: ${pool.join(', ')})`,
  };
}

/**
 * Why an expert may not be marked unavailable, or null. Marking one twice is allowed (the
 * first reason stays); the last available expert may not go, or queries could not be asked.
 */
export function refuseUnavailable(
  campaign: { campaignId: string; experts: readonly string[] },
  unavailable: readonly UnavailableExpert[],
  request: UnavailableExpert,
): AvailabilityRefusal | null {
  const { campaignId, experts } = campaign;
  const { expertId, reason } = request;
  const unknown = refuseUnknown(campaignId, experts, expertId);
  if (unknown) return unknown;
  if (reason.length > maxReasonLength) {
    return {
      code: 'VALIDATION',
      message: `reason has ${reason.length} characters; expected at most ${maxReasonLength}`,
    };
  }

  const left = availableExperts(experts, unavailable).filter((each) => each !== expertId);
  if (left.length === 0) {
    return {
      code: 'ILLEGAL_STATE',
      message:
        `expert ${expertId} is the last available expert of campaign ${campaignId}; ` +
        'mark another expert available first',
    };
  }
  return null;
}

/** Why an expert may not be marked available again, or null; an available one is a no-op. */
export function refuseAvailable(
  campaign: { campaignId: string; experts: readonly string[] },
  expertId: string,
): AvailabilityRefusal | null {
  return refuseUnknown(campaign.campaignId, campaign.experts, expertId);
}

export function withUnavailable(
  unavailable: readonly UnavailableExpert[],
  request: UnavailableExpert,
): UnavailableExpert[] {
  if (unavailable.some((each) => each.expertId === request.expertId)) return [...unavailable];
  return [...unavailable, { expertId: request.expertId, reason: request.reason }];
}

export function withAvailable(
  unavailable: readonly UnavailableExpert[],
  expertId: string,
): UnavailableExpert[] {
  return unavailable.filter((each) => each.expertId !== expertId);
}
