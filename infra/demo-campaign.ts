import { recommendedRound } from '../activities/model/recommended-round';
import type { CampaignInput } from '../workflows/campaign-input';

/**
 * The campaign `npm start` runs: real MNIST digits, a scripted expert answering from the
 * ground truth. Sized so the first round finishes in minutes on two cores.
 */
export function demoCampaign(overrides: { rounds?: number; count?: number } = {}): CampaignInput {
  return {
    campaignId: 'mnist-demo',
    name: 'MNIST digits, demo',
    owner: 'demo-owner',
    labels: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    experts: ['scripted-expert'],
    rounds: overrides.rounds ?? 3,
    dataset: { kind: 'mnist', count: overrides.count ?? 2000, offset: 0 },
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
