import { describe, expect, it } from 'vitest';

import { IllegalStateError, ValidationError } from '../../../events/errors';
import { graphqlHarness } from './graphql-harness';

const unavailable = `mutation ($campaignId: ID!, $expertId: ID!, $reason: String!) {
  markExpertUnavailable(campaignId: $campaignId, expertId: $expertId, reason: $reason) {
    campaignId unavailable
  }
}`;
const available = `mutation ($campaignId: ID!, $expertId: ID!) {
  markExpertAvailable(campaignId: $campaignId, expertId: $expertId) { campaignId unavailable }
}`;

describe('GraphQL expert availability', () => {
  it('sends the change to the campaign workflow and answers who is unavailable', async () => {
    const { execute, availability } = graphqlHarness();

    const away = await execute(unavailable, {
      campaignId: 'mnist-demo',
      expertId: 'ben',
      reason: 'on leave until Monday',
    });
    const back = await execute(available, { campaignId: 'mnist-demo', expertId: 'ben' });

    expect(away.data).toEqual({
      markExpertUnavailable: { campaignId: 'mnist-demo', unavailable: ['ben'] },
    });
    expect(back.data).toEqual({
      markExpertAvailable: { campaignId: 'mnist-demo', unavailable: [] },
    });
    expect(availability).toEqual([
      {
        change: 'unavailable',
        input: { campaignId: 'mnist-demo', expertId: 'ben', reason: 'on leave until Monday' },
      },
      { change: 'available', input: { campaignId: 'mnist-demo', expertId: 'ben' } },
    ]);
  });

  it('refuses an unknown campaign as NOT_FOUND without sending anything', async () => {
    const { execute, availability } = graphqlHarness();

    const { data, errors } = await execute(available, { campaignId: 'nope', expertId: 'ben' });

    expect(data).toBeNull();
    expect(errors?.[0]).toMatchObject({
      message: 'campaign nope does not exist',
      extensions: { code: 'NOT_FOUND' },
    });
    expect(availability).toEqual([]);
  });

  it.each([
    [new ValidationError('expert zed is not an expert of campaign mnist-demo'), 'VALIDATION'],
    [new IllegalStateError('expert ben is unavailable already'), 'ILLEGAL_STATE'],
  ])('passes the workflow refusal "%s" on with its code', async (refusal, code) => {
    const { execute } = graphqlHarness(refusal);

    const { errors } = await execute(unavailable, {
      campaignId: 'mnist-demo',
      expertId: 'ben',
      reason: 'ill',
    });

    expect(errors?.[0]).toMatchObject({ message: refusal.message, extensions: { code } });
  });

  it.each([
    [{ expertId: '  ', reason: 'ill' }, 'expertId must name an expert, got "  "'],
    [{ expertId: 'ben', reason: ' ' }, 'reason must say why the expert is unavailable, got none'],
  ])('refuses %j as VALIDATION without sending anything', async (input, message) => {
    const { execute, availability } = graphqlHarness();

    const { errors } = await execute(unavailable, { campaignId: 'mnist-demo', ...input });

    expect(errors?.[0]).toMatchObject({ message, extensions: { code: 'VALIDATION' } });
    expect(availability).toEqual([]);
  });
});
