import { describe, expect, it } from 'vitest';
import type { NewEvent } from '../../../events/catalog';
import { validateEvent } from '../../../events/catalog/validate';
import type { QueryRow } from '../../../web/src/lib/dashboard/dashboard-queries';
import { pairQuestionText } from '../../../web/src/lib/labelling/pair-question';
import { campaignId, campaignInFirstRound, experts, farDeadline } from './campaign-history';
import { graphqlHarness } from './graphql-harness';

const pairQuery = (queryId: string, walk: { jump?: number; fromQueryId?: string }): NewEvent =>
  validateEvent({
    type: 'QueryIssued',
    eventId: `${queryId}/issued`,
    data: {
      campaignId,
      round: 1,
      queryId,
      imageId: 314,
      options: ['4', '9', 'neither'],
      experts,
      quorum: 2,
      deadline: farDeadline,
      question: {
        kind: 'pair',
        pairId: 'pair-1',
        position: 0.6,
        sampleHash: queryId.at(-1)!.repeat(64),
        groups: [
          { option: '4', labelId: 'label-5', exemplarIds: [3] },
          { option: '9', labelId: 'label-10', exemplarIds: [21] },
        ],
        ...walk,
        ...(walk.jump ? { epsilon: 0.4 } : {}),
      },
    },
  });

const inbox = `query ($expertId: ID!) {
  openQueries(expertId: $expertId) { id round question { pairId jump } }
}`;

describe("a pair question from a later jump of the pair's walk", () => {
  it('serves the jump of every pair question, 0 for samples along the first path', async () => {
    const history = [
      ...campaignInFirstRound(),
      pairQuery('pair-1.s1', {}),
      pairQuery('pair-1.j1.s2', { jump: 1, fromQueryId: 'pair-1.s1' }),
    ];
    const { execute } = graphqlHarness(undefined, history);
    const { data } = await execute(inbox, { expertId: 'ada' });
    const rows = (data?.openQueries as QueryRow[]).filter((row) => row.question);

    expect(rows.map((row) => [row.id, row.question!.jump])).toEqual([
      ['pair-1.s1', 0],
      ['pair-1.j1.s2', 1],
    ]);
  });

  it.each([
    { jump: undefined, text: 'Round 2: does this sample belong to A or B?' },
    { jump: 0, text: 'Round 2: does this sample belong to A or B?' },
    { jump: 1, text: 'Round 2, jump 2: does this sample belong to A or B?' },
    { jump: 3, text: 'Round 2, jump 4: does this sample belong to A or B?' },
  ])('asks "$text" at jump $jump', ({ jump, text }) => {
    const question = {
      pairId: 'p',
      position: 0.5,
      sampleHash: '',
      sampleUrl: '',
      groups: [],
      jump,
    };
    expect(pairQuestionText({ round: 2, question })).toBe(text);
  });
});
