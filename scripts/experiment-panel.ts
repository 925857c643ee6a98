import type { SimulatedExpert } from '../client/simulated-panel';

/** The simulated experts the experiments ask: reliable, good, and sloppy. */
export const experimentExperts: SimulatedExpert[] = [
  { expertId: 'ada', errorRate: 0.02 },
  { expertId: 'ben', errorRate: 0.05 },
  { expertId: 'cy', errorRate: 0.1 },
];

/** "ada 2 % wrong, ..." for reports. */
export function describePanel(experts: readonly SimulatedExpert[]): string {
  return experts
    .map(
      (e) =>
        `${e.expertId} ${e.available === false ? 'unavailable' : `${e.errorRate * 100} % wrong`}`,
    )
    .join(', ');
}
