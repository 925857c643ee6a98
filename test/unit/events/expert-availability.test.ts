import { describe, expect, it } from 'vitest';
import {
  availableExperts,
  refuseAvailable,
  refuseUnavailable,
  withAvailable,
  withUnavailable,
  type AvailabilityRefusal,
  type UnavailableExpert,
} from '../../../events/rules/expert-availability';

const campaign = { campaignId: 'c1', experts: ['ada', 'ben', 'cy'] };
const benAway: UnavailableExpert[] = [{ expertId: 'ben', reason: 'on leave' }];

describe('expert availability', () => {
  it.each<{ name: string; away: UnavailableExpert[]; request: UnavailableExpert; then: unknown }>([
    {
      name: 'an available expert of the pool may go',
      away: [],
      request: { expertId: 'ada', reason: 'sick' },
      then: null,
    },
    {
      name: 'an expert already away may be marked again',
      away: benAway,
      request: { expertId: 'ben', reason: 'still on leave' },
      then: null,
    },
    {
      name: 'an expert outside the pool is not found',
      away: [],
      request: { expertId: 'mallory', reason: '' },
      then: {
        code: 'NOT_FOUND',
        message: 'expert mallory is not in the expert pool of campaign c1 (pool: ada, ben, cy)',
      },
    },
    {
      name: 'a reason longer than 500 characters is invalid',
      away: [],
      request: { expertId: 'ada', reason: 'x'.repeat(501) },
      then: { code: 'VALIDATION', message: 'reason has 501 characters; expected at most 500' },
    },
    {
      name: 'the last available expert may not go',
      away: [...benAway, { expertId: 'cy', reason: 'sick' }],
      request: { expertId: 'ada', reason: 'tired' },
      then: {
        code: 'ILLEGAL_STATE',
        message:
          'expert ada is the last available expert of campaign c1; ' +
          'mark another expert available first',
      },
    },
  ])('$name', ({ away, request, then }) => {
    expect(refuseUnavailable(campaign, away, request)).toEqual(then);
  });

  it.each<{ expertId: string; then: AvailabilityRefusal | null }>([
    { expertId: 'ben', then: null },
    { expertId: 'mallory', then: expect.objectContaining({ code: 'NOT_FOUND' }) },
  ])('bringing back $expertId is refused with $then', ({ expertId, then }) => {
    expect(refuseAvailable(campaign, expertId)).toEqual(then);
  });

  it('keeps the first reason when an expert is marked away twice', () => {
    const away = withUnavailable(benAway, { expertId: 'ben', reason: 'still on leave' });

    expect(away).toEqual(benAway);
    expect(availableExperts(campaign.experts, away)).toEqual(['ada', 'cy']);
  });

  it('brings an expert back into the pool in pool order', () => {
    const away = withUnavailable(benAway, { expertId: 'ada', reason: 'sick' });

    expect(availableExperts(campaign.experts, away)).toEqual(['cy']);
    expect(availableExperts(campaign.experts, withAvailable(away, 'ada'))).toEqual(['ada', 'cy']);
  });
});
