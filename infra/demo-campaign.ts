import { seededRandom, shuffledIndices } from '../activities/clustering/seeded-random';
import { loadMnistDigits } from '../activities/data/mnist';
import { recommendedRound } from '../activities/model/recommended-round';
import type { CampaignInput } from '../workflows/campaign-input';

const labels = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * The campaign `npm start` runs: real MNIST digits, 2 % of them labelled at the start (as a
 * quality team would bring a few known cases), a scripted expert answering from the ground
 * truth. Sized so the first round finishes in minutes on two cores.
 */
export function demoCampaign(overrides: { rounds?: number; count?: number } = {}): CampaignInput {
  const count = overrides.count ?? 2000;
  const truth = loadMnistDigits({ count }).labels;
  const known = Array.from(shuffledIndices(count, seededRandom(7))).slice(0, Math.ceil(count / 50));
  return {
    campaignId: 'mnist-demo',
    name: 'MNIST digits, demo',
    owner: 'demo-owner',
    labels,
    initialLabels: labels.map((label, digit) => ({
      label,
      pointIds: known.filter((point) => truth[point] === digit).sort((a, b) => a - b),
    })),
    experts: ['scripted-expert'],
    rounds: overrides.rounds ?? 3,
    dataset: { kind: 'mnist', count, offset: 0 },
    model: {
      clusters: 10,
      epochs: recommendedRound.epochs,
      warmEpochs: 10,
      batchSize: 32,
      seed: 1,
    },
    queries: { perRound: 20, quorum: 1, deadlineSeconds: 24 * 3600 },
  };
}
