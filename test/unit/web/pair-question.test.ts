import { describe, expect, it } from 'vitest';
import type { NewEvent } from '../../../events/catalog';
import { validateEvent } from '../../../events/catalog/validate';
import type { QueryRow } from '../../../web/src/lib/dashboard/dashboard-queries';
import { pairHint, pairQuestionModel } from '../../../web/src/lib/labelling/pair-question';
import { campaignId, campaignInFirstRound, experts, farDeadline } from './campaign-history';
import { graphqlHarness } from './graphql-harness';

const sampleHash = '5a'.repeat(32);

const pairQuery: NewEvent = validateEvent({
  type: 'QueryIssued',
  eventId: 'q5/issued',
  data: {
    campaignId,
    round: 1,
    queryId: 'q5',
    imageId: 314,
    options: ['4', '9', 'neither'],
    experts,
    quorum: 2,
    deadline: farDeadline,
    question: {
      kind: 'pair',
      pairId: 'pair-1',
      position: 0.25,
      sampleHash,
      groups: [
        { option: '4', labelId: 'label-5', exemplarIds: [3, 8] },
        { option: '9', labelId: 'label-10', exemplarIds: [21] },
      ],
    },
  },
});

const inbox = `query ($expertId: ID!) {
  openQueries(expertId: $expertId) {
    id options imageUrl
    question {
      pairId position sampleHash sampleUrl
      groups { option labelId exemplars { imageId imageUrl } }
    }
  }
}`;

async function pairRow(): Promise<QueryRow> {
  const { execute } = graphqlHarness(undefined, [...campaignInFirstRound(), pairQuery]);
  const { data } = await execute(inbox, { expertId: 'ada' });
  const rows = data?.openQueries as QueryRow[];
  return rows.find(({ id }) => id === 'q5')!;
}

describe('pair questions in the inbox', () => {
  it('carries the sample and both groups with their exemplar images through GraphQL', async () => {
    const row = await pairRow();

    expect(row.question).toEqual({
      pairId: 'pair-1',
      position: 0.25,
      sampleHash,
      sampleUrl: `/samples/${sampleHash}`,
      groups: [
        {
          option: '4',
          labelId: 'label-5',
          exemplars: [
            { imageId: 3, imageUrl: '/images/mnist-demo/3' },
            { imageId: 8, imageUrl: '/images/mnist-demo/8' },
          ],
        },
        {
          option: '9',
          labelId: 'label-10',
          exemplars: [{ imageId: 21, imageUrl: '/images/mnist-demo/21' }],
        },
      ],
    });
  });

  it('leaves the question of a plain query empty, and no card model for it', async () => {
    const { execute } = graphqlHarness(undefined, [...campaignInFirstRound(), pairQuery]);
    const { data } = await execute(inbox, { expertId: 'ada' });
    const plain = (data?.openQueries as QueryRow[]).find(({ id }) => id === 'q1')!;

    expect(plain.question).toBeNull();
    expect(pairQuestionModel(plain)).toBeNull();
  });

  it('shows the sample, A and B by name with their images, three answers and the hint', async () => {
    const model = pairQuestionModel(await pairRow());

    expect(model).toEqual({
      sampleUrl: `/samples/${sampleHash}`,
      sampleAlt: 'synthetic sample 25 % of the way from 4 to 9',
      sides: [
        {
          letter: 'A',
          name: '4',
          exemplars: [
            { imageId: 3, imageUrl: '/images/mnist-demo/3' },
            { imageId: 8, imageUrl: '/images/mnist-demo/8' },
          ],
        },
        { letter: 'B', name: '9', exemplars: [{ imageId: 21, imageUrl: '/images/mnist-demo/21' }] },
      ],
      answers: [
        { text: 'A: 4', answer: '4' },
        { text: 'B: 9', answer: '9' },
        { text: 'neither', answer: 'neither' },
      ],
      hint: pairHint,
    });
    expect(pairHint).toBe('If it fits both, choose A; if it fits neither, choose neither.');
  });
});
