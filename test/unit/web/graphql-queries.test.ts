import { describe, expect, it } from 'vitest';
import {
  ConcurrencyError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '../../../events/errors';
import { graphqlHarness } from './graphql-harness';

const inbox = `query ($expertId: ID!) {
  openQueries(expertId: $expertId) { id campaignId round imageId options deadline answers imageUrl }
}`;

const answerMutation = `mutation ($queryId: ID!, $expertId: ID!, $answer: String!) {
  answerQuery(queryId: $queryId, expertId: $expertId, answer: $answer) { accepted queryId }
}`;

describe('GraphQL open queries', () => {
  it('shows an expert the open queries on their panel that they have not answered', async () => {
    const { execute } = graphqlHarness();

    const { data } = await execute(inbox, { expertId: 'ada' });

    expect(data).toEqual({
      openQueries: [
        {
          id: 'q1',
          campaignId: 'mnist-demo',
          round: 1,
          imageId: 17,
          options: ['3', '5'],
          deadline: '2099-01-01T00:00:00.000Z',
          answers: 0,
          imageUrl: '/images/mnist-demo/17',
        },
        expect.objectContaining({ id: 'q2', imageId: 42, answers: 1 }),
      ],
    });
  });

  it.each([
    ['ada', ['q1', 'q2']],
    ['ben', ['q1']],
    ['zoe', []],
  ])('gives %s the inbox %j', async (expertId, queryIds) => {
    const { execute } = graphqlHarness();

    const { data } = await execute(inbox, { expertId });

    const ids = (data?.openQueries as { id: string }[]).map(({ id }) => id);
    expect(ids).toEqual(queryIds);
  });
});

describe('GraphQL open queries of a blank expert id', () => {
  it.each(['', '   '])('refuses %j as VALIDATION rather than answer an empty inbox', async (id) => {
    const { execute } = graphqlHarness();

    const { data, errors } = await execute(inbox, { expertId: id });

    expect(data).toBeNull();
    expect(errors?.[0]).toMatchObject({
      message: `expertId must name an expert, got ${JSON.stringify(id)}`,
      extensions: { code: 'VALIDATION' },
    });
  });
});

describe('GraphQL answerQuery', () => {
  it('sends an acceptable answer to the workflow engine and returns a receipt', async () => {
    const { execute, sent } = graphqlHarness();

    const { data, errors } = await execute(answerMutation, {
      queryId: 'q1',
      expertId: 'ada',
      answer: '5',
    });

    expect(errors).toBeUndefined();
    expect(data).toEqual({ answerQuery: { accepted: true, queryId: 'q1' } });
    expect(sent).toEqual([
      {
        round: { campaignId: 'mnist-demo', round: 1 },
        input: { queryId: 'q1', expertId: 'ada', answer: '5' },
      },
    ]);
  });

  it.each([
    {
      refusal: 'an unknown query',
      input: { queryId: 'q404', expertId: 'ada', answer: '5' },
      code: 'NOT_FOUND',
      message: 'query q404 does not exist',
    },
    {
      refusal: 'a closed query',
      input: { queryId: 'q4', expertId: 'ben', answer: '0' },
      code: 'ILLEGAL_STATE',
      message: 'query q4 is closed and takes no more answers',
    },
    {
      refusal: 'an expired query',
      input: { queryId: 'q3', expertId: 'ada', answer: '7' },
      code: 'ILLEGAL_STATE',
      message: 'query q3 is expired and takes no more answers',
    },
    {
      refusal: 'a second answer by the same expert',
      input: { queryId: 'q2', expertId: 'ben', answer: '4' },
      code: 'ILLEGAL_STATE',
      message: 'expert ben already answered query q2; one vote per expert',
    },
    {
      refusal: 'an expert who is not on the panel',
      input: { queryId: 'q1', expertId: 'zoe', answer: '3' },
      code: 'ILLEGAL_STATE',
      message: 'expert zoe is not on the panel of query q1 (panel: ada, ben)',
    },
    {
      refusal: 'an answer that is not an option',
      input: { queryId: 'q1', expertId: 'ada', answer: '8' },
      code: 'VALIDATION',
      message: 'answer "8" is not an option of query q1; expected one of 3, 5',
    },
  ])('refuses $refusal with $code before sending anything', async ({ input, code, message }) => {
    const { execute, sent } = graphqlHarness();

    const { data, errors } = await execute(answerMutation, input);

    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ message, extensions: { code } })]);
    expect(sent).toEqual([]);
  });

  it.each([
    [
      new IllegalStateError('round 1 of mnist-demo is no longer waiting for answers'),
      'ILLEGAL_STATE',
    ],
    [new NotFoundError('no workflow runs round 1 of mnist-demo'), 'NOT_FOUND'],
    [new ValidationError('answer "5" is too late for query q1'), 'VALIDATION'],
    [new ConcurrencyError('stream campaign-mnist-demo moved on to version 20'), 'CONCURRENCY'],
  ])('passes on the workflow engine refusal "%s" as %s', async (failure, code) => {
    const { execute } = graphqlHarness(failure);

    const { errors } = await execute(answerMutation, {
      queryId: 'q1',
      expertId: 'ada',
      answer: '5',
    });

    expect(errors).toEqual([
      expect.objectContaining({ message: failure.message, extensions: { code } }),
    ]);
  });

  it('masks an unexpected failure for the client and logs it in full', async () => {
    const { execute, logged } = graphqlHarness(new Error('connect ECONNREFUSED 127.0.0.1:7233'));

    const { errors } = await execute(answerMutation, {
      queryId: 'q1',
      expertId: 'ada',
      answer: '5',
    });

    expect(errors).toEqual([
      expect.objectContaining({
        message: 'Unexpected error.',
        extensions: expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR' }),
      }),
    ]);
    expect(JSON.stringify(errors)).not.toContain('ECONNREFUSED');
    const errorLogs = logged.filter(({ level }) => level === 'error');
    expect(
      JSON.stringify(errorLogs, (_key, value: unknown) =>
        value instanceof Error ? value.message : value,
      ),
    ).toContain('connect ECONNREFUSED 127.0.0.1:7233');
  });
});
