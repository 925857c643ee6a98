import type { EventData, EventType } from '../../events/catalog';
import { sampleClosestToLabel } from '../sampling/next-path-start';

/** An event as the walk reads it: its type and data, recorded or about to be. */
type Fact = { [T in EventType]: { type: T; data: EventData<T> } }[EventType];

type IssuedQuery = EventData<'QueryIssued'>;

/** One answer to one query, as recorded. */
export interface QueryAnswer {
  queryId: string;
  answer: string;
}

/** Where a pair's walk goes on: the pair, and the query whose sample starts the next path. */
export interface WalkStart {
  pair: EventData<'CollisionDetected'>;
  /** The previous jump's query whose sample the experts placed closest to group B. */
  from: IssuedQuery;
}

/** The jump a pair query belongs to; queries issued before jumps existed are jump 0. */
export const jumpOf = (query: IssuedQuery) => query.question?.jump ?? 0;

/**
 * The query among one jump's queries of a pair (in issue order: that order numbers the
 * samples) whose sample the experts placed closest to group B: `sampleClosestToLabel` over
 * every answer to them, toward `optionB`. Null when no answer named B: the walk ends.
 */
export function nextPathStart<Q extends { queryId: string }>(
  jumpQueries: readonly Q[],
  answers: readonly QueryAnswer[],
  optionB: string,
): Q | null {
  const sampleOf = new Map(jumpQueries.map((query, sample) => [query.queryId, sample]));
  const votes = answers.flatMap(({ queryId, answer }) => {
    const sample = sampleOf.get(queryId);
    return sample === undefined ? [] : [{ sample, answer }];
  });
  const sample = sampleClosestToLabel(votes, optionB, jumpQueries.length);
  return sample === null ? null : jumpQueries[sample]!;
}

/**
 * Every pair of `round` whose walk goes on to `jump` (>= 1), in the order the pairs were
 * found: those with a query of jump - 1 whose sample some expert placed toward group B.
 */
export function walkStarts(facts: readonly Fact[], round: number, jump: number): WalkStart[] {
  const pairs: EventData<'CollisionDetected'>[] = [];
  const asked = new Map<string, IssuedQuery[]>();
  const answers: QueryAnswer[] = [];
  for (const fact of facts) {
    if (fact.type === 'CollisionDetected' && fact.data.round === round) pairs.push(fact.data);
    if (fact.type === 'QueryIssued' && fact.data.question && jumpOf(fact.data) === jump - 1) {
      const { pairId } = fact.data.question;
      asked.set(pairId, [...(asked.get(pairId) ?? []), fact.data]);
    }
    if (fact.type === 'AnswerRecorded') answers.push(fact.data);
  }

  return pairs.flatMap((pair) => {
    const previous = asked.get(pair.pairId) ?? [];
    if (previous.length === 0) return [];
    const from = nextPathStart(previous, answers, previous[0]!.question!.groups[1].option);
    return from === null ? [] : [{ pair, from }];
  });
}

/**
 * The seed of a pair's jump: FNV-1a of its pair id and jump, so a retry draws the same
 * samples while pairs and jumps draw different ones.
 */
export function walkSeed(pairId: string, jump: number): number {
  let hash = 0x811c9dc5;
  for (const char of `${pairId}.j${jump}`) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
