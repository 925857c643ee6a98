import { describe, expect, it } from 'vitest';
import { createGraphqlRequest } from '../../../web/src/lib/dashboard/graphql-client';
import { loadDashboard } from '../../../web/src/lib/dashboard/load-dashboard';
import { recorded, roundCompleted } from './campaign-history';
import { graphqlHarness } from './graphql-harness';

/** The page's GraphQL requests, answered by the server in-process. */
function pageOnServer() {
  const harness = graphqlHarness();
  const fetcher = ((url: string, init?: RequestInit) =>
    harness.yoga.fetch(new URL(url, 'http://web.test'), init ?? {})) as typeof fetch;
  return { ...harness, request: createGraphqlRequest(fetcher) };
}

describe('dashboard loading', () => {
  it('selects the newest campaign and its first expert, with their inbox and audit', async () => {
    const { request } = pageOnServer();

    const snapshot = await loadDashboard(request, { campaignId: null, expertId: null });

    expect(snapshot.selection).toEqual({ campaignId: 'mnist-demo', expertId: 'ada' });
    expect(snapshot.campaigns.map(({ id }) => id)).toEqual(['mnist-demo']);
    expect(snapshot.openQueries.map(({ id }) => id)).toEqual(['q1', 'q2']);
    expect(snapshot.audit.map(({ position }) => position)).toEqual(
      Array.from({ length: 13 }, (_, index) => index + 1),
    );
  });

  it('reads on from the previous snapshot only what the store appended since', async () => {
    const { request, readModel } = pageOnServer();
    const first = await loadDashboard(request, { campaignId: null, expertId: 'ben' });

    readModel.apply(recorded([roundCompleted(1, 0.85)], 14)[0]!);
    const second = await loadDashboard(request, first.selection, first);

    expect(second.audit.slice(0, 13)).toEqual(first.audit);
    expect(second.audit.at(-1)).toMatchObject({ position: 14, type: 'RoundCompleted' });
    expect(second.openQueries.map(({ id }) => id)).toEqual(['q1']);
  });

  it('reports a refused request with the code and message the server gave', async () => {
    const { request } = pageOnServer();

    const answering = request(
      'mutation { answerQuery(queryId: "q404", expertId: "ada", answer: "3") { accepted } }',
    );

    await expect(answering).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'query q404 does not exist',
    });
  });
});
