import { describe, expect, it } from 'vitest';
import type { NewEvent } from '../../../events/catalog';
import {
  projectCampaignStatus,
  type CampaignStatus,
  type RoundStatus,
} from '../../../events/projections/campaign-status';
import { asRecorded, campaignFacts, campaignStory, hashOf, recordedAtOf } from './event-fixtures';

const facts = campaignFacts('c1');
const other = campaignFacts('c2');

const startedCampaign: CampaignStatus = {
  campaignId: 'c1',
  name: 'Digits c1',
  owner: 'olga',
  labels: ['0', '1', '7'],
  experts: ['alice', 'bob', 'carol'],
  status: 'running',
  pausedReason: null,
  plannedRounds: 2,
  startedAt: recordedAtOf(0),
  completedAt: null,
  dataset: null,
  rounds: [],
};

const runningRound = (round: number, startedAt: string): RoundStatus => ({
  round,
  status: 'running',
  startedAt,
  completedAt: null,
  backend: null,
  epochs: null,
  finalLoss: null,
  weightsHash: null,
  clusters: null,
  accuracy: null,
  pixelAccuracy: null,
  nmi: null,
  uncertainty: null,
  queriesIssued: 0,
  answered: null,
  expired: null,
  labelled: null,
});

const campaignOf = (given: NewEvent[]) => projectCampaignStatus(asRecorded(given)).campaigns.c1;

describe('campaign status', () => {
  it.each<{ name: string; given: NewEvent[]; then: CampaignStatus | undefined }>([
    { name: 'a started campaign is running', given: [facts.started()], then: startedCampaign },
    {
      name: 'a registered dataset is shown with its source and hash',
      given: [facts.started(), facts.datasetRegistered()],
      then: {
        ...startedCampaign,
        dataset: {
          source: { kind: 'mnist', count: 2000, offset: 0 },
          imageCount: 2000,
          imagesHash: hashOf('images'),
        },
      },
    },
    {
      name: 'a paused campaign shows why',
      given: [facts.started(), facts.paused('holiday')],
      then: { ...startedCampaign, status: 'paused', pausedReason: 'holiday' },
    },
    {
      name: 'a resumed campaign runs again and forgets the pause reason',
      given: [facts.started(), facts.paused('holiday'), facts.resumed('monday')],
      then: startedCampaign,
    },
    {
      name: 'a completed campaign records when',
      given: [facts.started(), facts.completed(0)],
      then: { ...startedCampaign, status: 'completed', completedAt: recordedAtOf(1) },
    },
    {
      name: 'a second start of the same campaign changes nothing',
      given: [facts.started(), facts.started({ name: 'Renamed' })],
      then: startedCampaign,
    },
    {
      name: 'facts about a campaign that never started are left out',
      given: [facts.datasetRegistered(), facts.paused('x'), facts.roundStarted(1)],
      then: undefined,
    },
    {
      name: 'another campaign does not change this one',
      given: [facts.started(), other.started(), other.paused('other'), other.roundStarted(1)],
      then: startedCampaign,
    },
  ])('$name', ({ given, then }) => {
    expect(campaignOf(given)).toEqual(then);
  });

  const round1 = (given: NewEvent[]) => [facts.started(), facts.roundStarted(1), ...given];
  const startedAt = recordedAtOf(1);

  it.each<{ name: string; given: NewEvent[]; then: RoundStatus[] }>([
    {
      name: 'a started round runs with no metrics yet',
      given: round1([]),
      then: [runningRound(1, startedAt)],
    },
    {
      name: 'a trained model shows backend, epochs, loss and weights',
      given: round1([facts.modelTrained(1)]),
      then: [
        {
          ...runningRound(1, startedAt),
          backend: 'wasm',
          epochs: 5,
          finalLoss: 0.0213,
          weightsHash: hashOf('weights 1'),
        },
      ],
    },
    {
      name: 'assigned clusters show accuracy against the raw-pixel floor',
      given: round1([facts.clustersAssigned(1, 0.81, 0.72)]),
      then: [
        {
          ...runningRound(1, startedAt),
          clusters: 3,
          accuracy: 0.81,
          pixelAccuracy: 0.6,
          nmi: 0.72,
        },
      ],
    },
    {
      name: 'clusters without NMI leave it null',
      given: round1([facts.clustersAssigned(1, 0.81)]),
      then: [{ ...runningRound(1, startedAt), clusters: 3, accuracy: 0.81, pixelAccuracy: 0.6 }],
    },
    {
      name: 'scored uncertainty shows the counts',
      given: round1([facts.uncertaintyScored(1)]),
      then: [
        {
          ...runningRound(1, startedAt),
          uncertainty: { meanEntropy: 0.4231, confident: 1500, unsure: 400, uncertain: 100 },
        },
      ],
    },
    {
      name: 'issued queries are counted',
      given: round1([facts.queryIssued(1, 'q1'), facts.queryIssued(1, 'q2')]),
      then: [{ ...runningRound(1, startedAt), queriesIssued: 2 }],
    },
    {
      name: 'a completed round takes the final accuracy and the answer counts',
      given: round1([facts.clustersAssigned(1, 0.81), facts.roundCompleted(1, 0.83)]),
      then: [
        {
          ...runningRound(1, startedAt),
          status: 'completed',
          completedAt: recordedAtOf(3),
          clusters: 3,
          accuracy: 0.83,
          pixelAccuracy: 0.6,
          answered: 1,
          expired: 1,
          labelled: 1,
        },
      ],
    },
    {
      name: 'facts about a round that never started are left out',
      given: [facts.started(), facts.modelTrained(1), facts.roundCompleted(1, 0.8)],
      then: [],
    },
    {
      name: 'rounds are listed in round order and started once',
      given: [facts.started(), facts.roundStarted(2), facts.roundStarted(1), facts.roundStarted(2)],
      then: [runningRound(1, recordedAtOf(2)), runningRound(2, recordedAtOf(1))],
    },
  ])('$name', ({ given, then }) => {
    expect(campaignOf(given)?.rounds).toEqual(then);
  });

  it('folds a whole campaign story into its final status', () => {
    const campaign = campaignOf(campaignStory('c1'));

    expect(campaign).toMatchObject({
      status: 'completed',
      pausedReason: null,
      completedAt: recordedAtOf(16),
      dataset: { imageCount: 2000 },
    });
    expect(campaign?.rounds).toEqual([
      {
        round: 1,
        status: 'completed',
        startedAt: recordedAtOf(2),
        completedAt: recordedAtOf(15),
        backend: 'wasm',
        epochs: 5,
        finalLoss: 0.0213,
        weightsHash: hashOf('weights 1'),
        clusters: 3,
        accuracy: 0.83,
        pixelAccuracy: 0.6,
        nmi: 0.72,
        uncertainty: { meanEntropy: 0.4231, confident: 1500, unsure: 400, uncertain: 100 },
        queriesIssued: 2,
        answered: 1,
        expired: 1,
        labelled: 1,
      },
    ]);
  });
});
