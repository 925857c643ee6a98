import { describe, expect, it } from 'vitest';
import {
  assignPanel,
  planReassignments,
  reassignPanel,
  type PanelQuery,
  type Reassignment,
} from '../../../events/rules/query-panel';

const pool = ['ada', 'ben', 'cy', 'dee', 'eve'];

const query = (queryId: string, experts: string[], more: Partial<PanelQuery> = {}): PanelQuery => ({
  queryId,
  status: 'open',
  experts,
  answers: [],
  quorum: 2,
  removedExperts: [],
  ...more,
});

describe('panel assignment', () => {
  it.each([
    { panelSize: 2, slots: 5, panels: ['ada ben', 'cy dee', 'eve ada', 'ben cy', 'dee eve'] },
    { panelSize: 3, slots: 2, panels: ['ada ben cy', 'dee eve ada'] },
    { panelSize: 5, slots: 2, panels: ['ada ben cy dee eve', 'ada ben cy dee eve'] },
    { panelSize: 9, slots: 1, panels: ['ada ben cy dee eve'] },
    { panelSize: undefined, slots: 2, panels: ['ada ben cy dee eve', 'ada ben cy dee eve'] },
  ])('panels of $panelSize over $slots slots are $panels', ({ panelSize, slots, panels }) => {
    const assigned = Array.from({ length: slots }, (_, slot) => assignPanel(pool, slot, panelSize));

    expect(assigned.map((panel) => panel.join(' '))).toEqual(panels);
  });

  it('gives every expert the same number of queries over a full turn', () => {
    const seats = Array.from({ length: 10 }, (_, slot) => assignPanel(pool, slot, 3)).flat();

    expect(pool.map((expert) => seats.filter((seat) => seat === expert).length)).toEqual([
      6, 6, 6, 6, 6,
    ]);
  });

  it('draws only from the experts available, and none when none are', () => {
    expect(assignPanel(['ben', 'dee'], 1, 3)).toEqual(['ben', 'dee']);
    expect(assignPanel([], 0, 2)).toEqual([]);
  });
});

describe('reassignment of an unavailable expert', () => {
  const handover = (queryId: string, toExpertId: string | null, more = {}): Reassignment => ({
    queryId,
    fromExpertId: 'ben',
    toExpertId,
    quorum: 2,
    reason: 'on leave',
    sequence: 1,
    ...more,
  });

  it.each<{ name: string; queries: PanelQuery[]; available: string[]; then: Reassignment[] }>([
    {
      name: 'each open query goes to the least loaded expert off its panel, pool order on ties',
      queries: [
        query('q1', ['ada', 'ben']),
        query('q2', ['cy', 'dee']),
        query('q3', ['ada', 'ben']),
        query('q4', ['cy', 'dee']),
      ],
      available: ['ada', 'cy', 'dee'],
      then: [handover('q1', 'cy'), handover('q3', 'dee')],
    },
    {
      name: 'queries the expert answered, or that are no longer open, stay as they are',
      queries: [
        query('q1', ['ben', 'cy'], { answers: [{ expertId: 'ben' }] }),
        query('q2', ['ben', 'cy'], { status: 'closed' }),
        query('q3', ['ben', 'cy'], { status: 'expired' }),
        query('q4', ['ada', 'cy']),
      ],
      available: ['ada', 'cy'],
      then: [],
    },
    {
      name: 'with nobody off the panel the expert is dropped and the quorum falls',
      queries: [query('q1', ['ada', 'ben'])],
      available: ['ada'],
      then: [handover('q1', null, { quorum: 1 })],
    },
    {
      name: 'a drop keeps a quorum the smaller panel can still reach',
      queries: [query('q1', ['ada', 'ben', 'cy'], { quorum: 1 })],
      available: ['ada', 'cy'],
      then: [handover('q1', null, { quorum: 1 })],
    },
    {
      name: 'a query the expert alone sits on keeps them when nobody can take over',
      queries: [query('q1', ['ben'])],
      available: [],
      then: [],
    },
    {
      name: 'the sequence counts the query’s earlier reassignments',
      queries: [query('q1', ['ada', 'ben'], { removedExperts: [{ expertId: 'cy', reason: 'x' }] })],
      available: ['ada', 'dee'],
      then: [handover('q1', 'dee', { sequence: 2 })],
    },
  ])('$name', ({ queries, available, then }) => {
    expect(planReassignments(queries, available, 'ben', 'on leave')).toEqual(then);
  });

  it.each<{ name: string; given: PanelQuery; change: Reassignment; then: Partial<PanelQuery> }>([
    {
      name: 'a handover seats the replacement where the leaver sat',
      given: query('q1', ['ben', 'cy']),
      change: handover('q1', 'dee'),
      then: { experts: ['dee', 'cy'], status: 'open' },
    },
    {
      name: 'a drop that brings the quorum down to the answers given closes the query',
      given: query('q1', ['ben', 'cy'], { answers: [{ expertId: 'cy' }] }),
      change: handover('q1', null, { quorum: 1 }),
      then: { experts: ['cy'], quorum: 1, status: 'closed' },
    },
    {
      name: 'a query already expired stays expired',
      given: query('q1', ['ben', 'cy'], { status: 'expired', answers: [{ expertId: 'cy' }] }),
      change: handover('q1', null, { quorum: 1 }),
      then: { experts: ['cy'], quorum: 1, status: 'expired' },
    },
  ])('$name', ({ given, change, then }) => {
    const changed = reassignPanel(Object.freeze(given), change);

    expect(changed).toEqual({
      ...given,
      removedExperts: [{ expertId: 'ben', reason: 'on leave' }],
      ...then,
    });
  });
});
