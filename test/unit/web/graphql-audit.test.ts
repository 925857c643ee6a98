import { describe, expect, it } from 'vitest';
import { graphqlHarness } from './graphql-harness';

const audit = `query ($campaignId: ID!, $afterPosition: Int, $limit: Int) {
  auditEvents(campaignId: $campaignId, afterPosition: $afterPosition, limit: $limit) {
    position version recordedAt type summary actor data
  }
}`;

type AuditNode = {
  position: number;
  type: string;
  summary: string;
  actor: string | null;
  data: string;
};

describe('GraphQL auditEvents', () => {
  it('returns a campaign page of facts after a position, each with summary, actor and data', async () => {
    const { execute } = graphqlHarness();

    const { data } = await execute(audit, {
      campaignId: 'mnist-demo',
      afterPosition: 10,
      limit: 2,
    });

    expect(data).toEqual({
      auditEvents: [
        {
          position: 11,
          version: 11,
          recordedAt: '2025-01-01T09:00:11.000Z',
          type: 'AnswerRecorded',
          summary: 'Expert ben answered "9" to query q2',
          actor: 'ben',
          data: JSON.stringify({
            campaignId: 'mnist-demo',
            queryId: 'q2',
            expertId: 'ben',
            answer: '9',
          }),
        },
        expect.objectContaining({ position: 12, type: 'QueryExpired', actor: null }),
      ],
    });
  });

  it.each([
    [0, 100, 13],
    [12, 100, 1],
    [13, 100, 0],
    [0, 5, 5],
  ])(
    'after position %i with limit %i returns %i entries in store order',
    async (afterPosition, limit, count) => {
      const { execute } = graphqlHarness();

      const { data } = await execute(audit, { campaignId: 'mnist-demo', afterPosition, limit });

      const positions = (data?.auditEvents as AuditNode[]).map(({ position }) => position);
      expect(positions).toEqual(
        Array.from({ length: count }, (_, index) => afterPosition + index + 1),
      );
    },
  );

  it.each([
    [{ campaignId: 'mnist-demo', limit: 0 }, 'VALIDATION', 'limit must be 1 to 500, got 0'],
    [{ campaignId: 'mnist-demo', limit: 501 }, 'VALIDATION', 'limit must be 1 to 500, got 501'],
    [
      { campaignId: 'mnist-demo', afterPosition: -1 },
      'VALIDATION',
      'afterPosition must be 0 or more, got -1',
    ],
    [{ campaignId: 'nope' }, 'NOT_FOUND', 'campaign nope does not exist'],
  ])('refuses %j with %s', async (variables, code, message) => {
    const { execute } = graphqlHarness();

    const { errors } = await execute(audit, variables);

    expect(errors).toEqual([expect.objectContaining({ message, extensions: { code } })]);
  });
});
