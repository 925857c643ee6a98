import { describe, expect, it } from 'vitest';
import { validateEvent } from '../../../events/catalog/validate';
import { createProjectedReadModel } from '../../../web/src/lib/server/projected-read-model';
import {
  campaignId,
  campaignInFirstRound,
  experts,
  farDeadline,
  measuredRound,
  recorded,
  roundCompleted,
} from './campaign-history';

// The first round's four queries, then round 2 with one query of its own.
function campaignInSecondRound() {
  const secondRoundQuery = validateEvent({
    type: 'QueryIssued',
    eventId: 'r2q1/issued',
    data: {
      campaignId,
      round: 2,
      queryId: 'r2q1',
      imageId: 5,
      options: ['1', '7'],
      experts,
      quorum: 2,
      deadline: farDeadline,
    },
  });
  const events = [
    ...campaignInFirstRound(),
    roundCompleted(1, 0.85),
    ...measuredRound(2, 0.9),
    secondRoundQuery,
  ];
  const readModel = createProjectedReadModel();
  for (const event of recorded(events)) readModel.apply(event);
  return readModel;
}

describe('read model: the round that asked a query', () => {
  it.each([
    ['an open query of round 1', 'q1', { campaignId, round: 1 }],
    ['an expired query of round 1', 'q3', { campaignId, round: 1 }],
    ['a closed query of round 1', 'q4', { campaignId, round: 1 }],
    ['an open query of round 2', 'r2q1', { campaignId, round: 2 }],
    ['an unknown query', 'q404', undefined],
  ])('locates %s (%s): %j', (_what, queryId, round) => {
    expect(campaignInSecondRound().roundOfQuery(queryId)).toEqual(round);
  });
});
