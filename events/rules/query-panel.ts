import type { RemovedExpert } from './answer-rules';

/** A query as the panel rules see it: who sits on its panel, who answered, what closes it. */
export interface PanelQuery {
  queryId: string;
  status: 'open' | 'closed' | 'expired';
  experts: readonly string[];
  answers: readonly { expertId: string }[];
  quorum: number;
  removedExperts: readonly RemovedExpert[];
}

/** One expert taken off one query's panel, and who takes over (null: nobody is left). */
export interface Reassignment {
  queryId: string;
  fromExpertId: string;
  toExpertId: string | null;
  /** The query's quorum afterwards; it falls only when the panel shrinks below it. */
  quorum: number;
  reason: string;
  /** 1 for the query's first reassignment, 2 for its second: names the fact in the store. */
  sequence: number;
}

/**
 * The panel of the query in `slot` (its ordinal in the campaign): `panelSize` of the available
 * experts in pool order, from a start that moves on by one panel per slot, so consecutive
 * queries go to different experts and every expert gets the same share over a full turn.
 * The whole available pool when no size is set; fewer when fewer experts are available.
 */
export function assignPanel(
  available: readonly string[],
  slot: number,
  panelSize?: number,
): string[] {
  const size = Math.min(panelSize ?? available.length, available.length);
  if (size === 0) return [];

  const start = (slot * size) % available.length;
  return Array.from({ length: size }, (_, k) => available[(start + k) % available.length]!);
}

const awaits = (query: PanelQuery, expertId: string) =>
  query.status === 'open' &&
  query.experts.includes(expertId) &&
  !query.answers.some((answer) => answer.expertId === expertId);

/**
 * Who takes over the open queries `expertId` has not answered yet, now that they are
 * unavailable. For each such query, in issue order, the available expert off its panel with
 * the fewest open queries awaiting them, counting the handovers planned before it (pool order
 * breaks ties). With nobody off the panel, the expert is dropped and the quorum falls to the
 * panel size; a query they alone sit on keeps them, since someone must be able to answer it.
 */
export function planReassignments(
  queries: readonly PanelQuery[],
  available: readonly string[],
  expertId: string,
  reason: string,
): Reassignment[] {
  const others = available.filter((candidate) => candidate !== expertId);
  const openCount = new Map(
    others.map((other) => [other, queries.filter((query) => awaits(query, other)).length]),
  );
  const plan: Reassignment[] = [];

  for (const query of queries.filter((each) => awaits(each, expertId))) {
    const candidates = others.filter((other) => !query.experts.includes(other));
    const toExpertId = candidates.reduce<string | null>(
      (best, other) =>
        best === null || openCount.get(other)! < openCount.get(best)! ? other : best,
      null,
    );
    const panelSize = toExpertId === null ? query.experts.length - 1 : query.experts.length;
    if (panelSize === 0) continue;

    if (toExpertId !== null) openCount.set(toExpertId, openCount.get(toExpertId)! + 1);
    plan.push({
      queryId: query.queryId,
      fromExpertId: expertId,
      toExpertId,
      quorum: Math.min(query.quorum, panelSize),
      reason,
      sequence: query.removedExperts.length + 1,
    });
  }
  return plan;
}

/**
 * A query after one reassignment: the replacement takes the leaver's seat, or the seat goes
 * and the quorum falls; answers stay, and an open query whose answers now reach the quorum
 * closes. Shared by the round workflow and the query queue so both agree on the panel.
 */
export function reassignPanel<Q extends PanelQuery>(
  query: Q,
  change: Pick<Reassignment, 'fromExpertId' | 'toExpertId' | 'quorum' | 'reason'>,
): Q {
  const { fromExpertId, toExpertId, quorum, reason } = change;
  const experts =
    toExpertId === null
      ? query.experts.filter((expert) => expert !== fromExpertId)
      : query.experts.map((expert) => (expert === fromExpertId ? toExpertId : expert));
  const removedExperts = [...query.removedExperts, { expertId: fromExpertId, reason }];
  const reachedQuorum = query.status === 'open' && query.answers.length >= quorum;

  return {
    ...query,
    experts,
    quorum,
    removedExperts,
    status: reachedQuorum ? 'closed' : query.status,
  };
}
