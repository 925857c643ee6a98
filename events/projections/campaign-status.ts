import type { EventData, RecordedEvent, RecordedEventOf } from '../catalog';
import { emptyIdRecord, withEntry, type IdRecord } from './id-record';
import { unexpectedEvent } from './unexpected-event';

/** Counts of images by how sure the model is of their cluster. */
export interface UncertaintyCounts {
  meanEntropy: number;
  confident: number;
  unsure: number;
  uncertain: number;
}

/** One round as the campaign page shows it; a metric is null until its event arrives. */
export interface RoundStatus {
  round: number;
  status: 'running' | 'completed';
  startedAt: string;
  completedAt: string | null;
  backend: string | null;
  epochs: number | null;
  finalLoss: number | null;
  weightsHash: string | null;
  clusters: number | null;
  /** Clustering accuracy on the embedding; the round's final accuracy once it completed. */
  accuracy: number | null;
  /** k-means on raw pixels: the floor the embedding has to beat. */
  pixelAccuracy: number | null;
  nmi: number | null;
  uncertainty: UncertaintyCounts | null;
  queriesIssued: number;
  /** Queries answered, expired and images labelled, as the round reported on completion. */
  answered: number | null;
  expired: number | null;
  labelled: number | null;
}

export interface DatasetStatus {
  source: EventData<'DatasetRegistered'>['source'];
  imageCount: number;
  imagesHash: string;
}

/** Where one campaign stands. */
export interface CampaignStatus {
  campaignId: string;
  name: string;
  owner: string;
  labels: readonly string[];
  experts: readonly string[];
  status: 'running' | 'paused' | 'completed';
  /** Why the owner paused it; null unless paused. */
  pausedReason: string | null;
  plannedRounds: number;
  startedAt: string;
  completedAt: string | null;
  dataset: DatasetStatus | null;
  /** In round order. */
  rounds: readonly RoundStatus[];
}

/** Every campaign by id. */
export interface CampaignStatusView {
  campaigns: IdRecord<CampaignStatus>;
}

export const initialCampaignStatus: CampaignStatusView = { campaigns: emptyIdRecord() };

type CampaignChange = (campaign: CampaignStatus) => CampaignStatus;
type RoundChange = (round: RoundStatus) => RoundStatus;

// Facts about a campaign the view has not seen start are left out, so a fold over a partial
// read (from a later position) stays well-defined instead of throwing.
function changeCampaign(view: CampaignStatusView, campaignId: string, change: CampaignChange) {
  const campaign = view.campaigns[campaignId];
  if (!campaign) return view;
  return { campaigns: withEntry(view.campaigns, campaignId, change(campaign)) };
}

function changeRound(round: number, change: RoundChange): CampaignChange {
  return (campaign) => ({
    ...campaign,
    rounds: campaign.rounds.map((each) => (each.round === round ? change(each) : each)),
  });
}

function startCampaign(view: CampaignStatusView, event: RecordedEventOf<'CampaignStarted'>) {
  const { campaignId, name, owner, labels, experts, rounds } = event.data;
  if (view.campaigns[campaignId]) return view;

  const campaign: CampaignStatus = {
    campaignId,
    name,
    owner,
    labels,
    experts,
    status: 'running',
    pausedReason: null,
    plannedRounds: rounds,
    startedAt: event.metadata.recordedAt,
    completedAt: null,
    dataset: null,
    rounds: [],
  };
  return { campaigns: withEntry(view.campaigns, campaignId, campaign) };
}

function startRound(startedAt: string, round: number): CampaignChange {
  return (campaign) => {
    if (campaign.rounds.some((each) => each.round === round)) return campaign;
    const started: RoundStatus = {
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
    };
    const rounds = [...campaign.rounds, started].sort((a, b) => a.round - b.round);
    return { ...campaign, rounds };
  };
}

type RoundEvent = RecordedEventOf<
  'ModelTrained' | 'ClustersAssigned' | 'UncertaintyScored' | 'QueryIssued' | 'RoundCompleted'
>;

function roundChange(event: RoundEvent): RoundChange {
  switch (event.type) {
    case 'ModelTrained': {
      const { backend, epochs, finalLoss, weightsHash } = event.data;
      return (round) => ({ ...round, backend, epochs, finalLoss, weightsHash });
    }
    case 'ClustersAssigned': {
      const { clusters, accuracy, pixelAccuracy, nmi = null } = event.data;
      return (round) => ({ ...round, clusters, accuracy, pixelAccuracy, nmi });
    }
    case 'UncertaintyScored': {
      const { meanEntropy, confident, unsure, uncertain } = event.data;
      const uncertainty = { meanEntropy, confident, unsure, uncertain };
      return (round) => ({ ...round, uncertainty });
    }
    case 'QueryIssued':
      return (round) => ({ ...round, queriesIssued: round.queriesIssued + 1 });
    case 'RoundCompleted': {
      const { accuracy, answered, expired, labelled } = event.data;
      const completedAt = event.metadata.recordedAt;
      return (round) => ({
        ...round,
        status: 'completed',
        completedAt,
        accuracy,
        answered,
        expired,
        labelled,
      });
    }
    default:
      return unexpectedEvent(event);
  }
}

/** Folds one event into the view; the input view is never modified. */
export function evolveCampaignStatus(
  view: CampaignStatusView,
  event: RecordedEvent,
): CampaignStatusView {
  const { campaignId } = event.data;
  switch (event.type) {
    case 'CampaignStarted':
      return startCampaign(view, event);
    case 'DatasetRegistered': {
      const { source, imageCount, imagesHash } = event.data;
      const dataset = { source, imageCount, imagesHash };
      return changeCampaign(view, campaignId, (campaign) => ({ ...campaign, dataset }));
    }
    case 'CampaignPaused': {
      const pausedReason = event.data.reason;
      const pause: CampaignChange = (campaign) => ({ ...campaign, status: 'paused', pausedReason });
      return changeCampaign(view, campaignId, pause);
    }
    case 'CampaignResumed':
      return changeCampaign(view, campaignId, (campaign) => ({
        ...campaign,
        status: 'running',
        pausedReason: null,
      }));
    case 'CampaignCompleted':
      return changeCampaign(view, campaignId, (campaign) => ({
        ...campaign,
        status: 'completed',
        pausedReason: null,
        completedAt: event.metadata.recordedAt,
      }));
    case 'RoundStarted':
      return changeCampaign(
        view,
        campaignId,
        startRound(event.metadata.recordedAt, event.data.round),
      );
    case 'ModelTrained':
    case 'ClustersAssigned':
    case 'UncertaintyScored':
    case 'QueryIssued':
    case 'RoundCompleted':
      return changeCampaign(view, campaignId, changeRound(event.data.round, roundChange(event)));
    case 'AnswerRecorded':
    case 'QueryReminded':
    case 'QueryReassigned':
    case 'QueryExpired':
    case 'VoteDecided':
    case 'CollisionDetected':
    case 'PairDecided':
    case 'LabelCreated':
    case 'LabelsMerged':
    case 'LabelSplit':
    case 'LabelRenamed':
    case 'LabelMoved':
    case 'PointsRelabelled':
      return view;
    default:
      return unexpectedEvent(event);
  }
}

export function projectCampaignStatus(events: Iterable<RecordedEvent>): CampaignStatusView {
  let view = initialCampaignStatus;
  for (const event of events) view = evolveCampaignStatus(view, event);
  return view;
}
