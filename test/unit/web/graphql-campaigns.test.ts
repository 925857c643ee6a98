import { describe, expect, it } from 'vitest';
import { graphqlHarness } from './graphql-harness';

const campaignsQuery = `{
  campaigns {
    id name status labels experts plannedRounds
    rounds {
      round status accuracy pixelAccuracy epochs finalLoss backend weightsHash
      confident unsure uncertain answered expired
    }
  }
}`;

describe('GraphQL campaigns', () => {
  it('lists each campaign with its rounds and their measured metrics', async () => {
    const { execute } = graphqlHarness();

    const { data, errors } = await execute(campaignsQuery);

    expect(errors).toBeUndefined();
    expect(data).toEqual({
      campaigns: [
        {
          id: 'mnist-demo',
          name: 'MNIST digits',
          status: 'running',
          labels: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
          experts: ['ada', 'ben'],
          plannedRounds: 3,
          rounds: [
            {
              round: 1,
              status: 'running',
              accuracy: 0.8123,
              pixelAccuracy: 0.5432,
              epochs: 8,
              finalLoss: 0.04123,
              backend: 'wasm',
              weightsHash: '1'.repeat(64),
              confident: 1500,
              unsure: 350,
              uncertain: 150,
              answered: null,
              expired: null,
            },
          ],
        },
      ],
    });
  });

  it.each([
    ['mnist-demo', { id: 'mnist-demo', plannedRounds: 3 }],
    ['no-such-campaign', null],
  ])('answers campaign(id: %s) with the campaign or null', async (id, expected) => {
    const { execute } = graphqlHarness();

    const { data } = await execute('query ($id: ID!) { campaign(id: $id) { id plannedRounds } }', {
      id,
    });

    expect(data).toEqual({ campaign: expected });
  });

  it('serves queries sent with GET as well as POST', async () => {
    const { yoga } = graphqlHarness();

    const query = encodeURIComponent('{ campaigns { id } }');
    const response = await yoga.fetch(`http://web.test/graphql?query=${query}`, {
      headers: { accept: 'application/json' },
    });

    expect(await response.json()).toEqual({ data: { campaigns: [{ id: 'mnist-demo' }] } });
  });
});
