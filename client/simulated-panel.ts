import { seededRandom, type Random } from '../activities/clustering/seeded-random';
import { NotFoundError, ValidationError } from '../events/errors';

/** One simulated expert of a panel. */
export interface SimulatedExpert {
  expertId: string;
  /** Share of answers given wrong, 0 to 1: a wrong answer is any other option, uniformly. */
  errorRate: number;
  /** False for an expert who never answers; default true. */
  available?: boolean;
  /** The first round the expert no longer answers (gone on leave); absent: never leaves. */
  unavailableFromRound?: number;
}

/** A plain query: which of the label names is this image. */
export interface PlainQuestion {
  round: number;
  options: readonly string[];
  /** The option that is right for the image. */
  truth: string;
}

/** A pair query: does the sample belong to group A, group B or neither. */
export interface PairQuestionAsked {
  round: number;
  /** The query's groups, A then B, as `QueryIssued.question.groups` carries them. */
  groups: readonly [{ option: string }, { option: string }];
  /** The true class of the sample (see `syntheticClassOracle`). */
  sampleClass: number;
  /** The true classes each group stands for (see {@link classesOfGroup}). */
  groupClasses: readonly [ReadonlySet<number>, ReadonlySet<number>];
}

/** Answers of a panel of simulated experts; null where the expert gives none. */
export interface SimulatedPanel {
  expertIds: readonly string[];
  isAvailable(expertId: string, round: number): boolean;
  answerQuery(expertId: string, question: PlainQuestion): string | null;
  answerPair(expertId: string, question: PairQuestionAsked): string | null;
}

/**
 * A panel of experts answering from the truth, to run campaigns offline. Each expert draws
 * from its own generator seeded from `seed` and its place in the panel, so its answers do
 * not depend on how often the others were asked. Pair questions follow the convention the
 * experts are told: a sample fitting both groups is answered A, one fitting none `neither`.
 */
export function createSimulatedPanel(
  experts: readonly SimulatedExpert[],
  seed: number,
): SimulatedPanel {
  checkExperts(experts);
  const byId = new Map(
    experts.map((expert, index) => [
      expert.expertId,
      { expert, random: expertRandom(seed, index) },
    ]),
  );
  const find = (expertId: string) => {
    const found = byId.get(expertId);
    if (!found) {
      throw new NotFoundError(
        `expert ${expertId} is not on the simulated panel (${[...byId.keys()].join(', ')})`,
      );
    }
    return found;
  };
  const isAvailable = (expertId: string, round: number) => {
    const { available = true, unavailableFromRound = Infinity } = find(expertId).expert;
    return available && round < unavailableFromRound;
  };

  return {
    expertIds: experts.map(({ expertId }) => expertId),
    isAvailable,
    answerQuery(expertId, { round, options, truth }) {
      if (!options.includes(truth)) {
        throw new ValidationError(
          `truth ${JSON.stringify(truth)} is none of the query's options ` +
            JSON.stringify(options),
        );
      }
      if (!isAvailable(expertId, round)) return null;
      const { expert, random } = find(expertId);
      return withErrors(truth, options, expert.errorRate, random);
    },
    answerPair(expertId, question) {
      if (!isAvailable(expertId, question.round)) return null;
      const { expert, random } = find(expertId);
      const options = [question.groups[0].option, question.groups[1].option, 'neither'];
      return withErrors(rightPairAnswer(question), options, expert.errorRate, random);
    },
  };
}

/**
 * The classes a group of points stands for: each class holding at least `minShare` of the
 * group's points (default 0.2), so a group fusing two digits stands for both.
 */
export function classesOfGroup(
  pointIds: readonly number[],
  truth: ArrayLike<number>,
  minShare = 0.2,
): Set<number> {
  const counts = new Map<number, number>();
  for (const pointId of pointIds) {
    const trueClass = truth[pointId];
    if (trueClass === undefined) {
      throw new ValidationError(
        `point ${pointId} has no true class: the truth covers points 0..${truth.length - 1}`,
      );
    }
    counts.set(trueClass, (counts.get(trueClass) ?? 0) + 1);
  }
  const held = [...counts.entries()].filter(([, n]) => n >= minShare * pointIds.length);
  return new Set(held.map(([trueClass]) => trueClass));
}

function rightPairAnswer({ groups, sampleClass, groupClasses }: PairQuestionAsked) {
  if (groupClasses[0].has(sampleClass)) return groups[0].option;
  if (groupClasses[1].has(sampleClass)) return groups[1].option;
  return 'neither';
}

function withErrors(right: string, options: readonly string[], errorRate: number, random: Random) {
  const wrong = options.filter((option) => option !== right);
  if (wrong.length === 0 || random() >= errorRate) return right;
  return wrong[Math.floor(random() * wrong.length)]!;
}

// A different stream per expert: the panel seed mixed with the expert's place (golden ratio).
const expertRandom = (seed: number, index: number) =>
  seededRandom((seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0);

function checkExperts(experts: readonly SimulatedExpert[]) {
  const ids = experts.map(({ expertId }) => expertId);
  const twice = ids.find((id, index) => ids.indexOf(id) !== index);
  if (twice !== undefined) {
    throw new ValidationError(`expert ${twice} is on the simulated panel twice`);
  }
  const careless = experts.find(({ errorRate }) => !(errorRate >= 0 && errorRate <= 1));
  if (careless) {
    throw new ValidationError(
      `expert ${careless.expertId}: expected an error rate in 0..1, received ${careless.errorRate}`,
    );
  }
}
