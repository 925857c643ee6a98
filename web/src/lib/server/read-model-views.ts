import type { AuditEntry } from '../../../../events/projections/audit-trail';
import type { CampaignStatus, RoundStatus } from '../../../../events/projections/campaign-status';
import type { QueryState } from '../../../../events/projections/query-queue';
import type { PairQuestion } from './labelling/labelling-projection';
import type {
  AuditEntryView,
  CampaignView,
  OpenQueryView,
  PairQuestionView,
  RoundView,
} from './read-model';

// The projections' states turned into the shapes the API serves: flat rows, mutable copies.

export function toRoundView(round: RoundStatus): RoundView {
  const { uncertainty } = round;
  return {
    round: round.round,
    status: round.status,
    accuracy: round.accuracy,
    pixelAccuracy: round.pixelAccuracy,
    epochs: round.epochs,
    finalLoss: round.finalLoss,
    backend: round.backend,
    weightsHash: round.weightsHash,
    confident: uncertainty?.confident ?? null,
    unsure: uncertainty?.unsure ?? null,
    uncertain: uncertainty?.uncertain ?? null,
    answered: round.answered,
    expired: round.expired,
  };
}

export function toCampaignView(campaign: CampaignStatus): CampaignView {
  return {
    id: campaign.campaignId,
    name: campaign.name,
    status: campaign.status,
    labels: [...campaign.labels],
    experts: [...campaign.experts],
    plannedRounds: campaign.plannedRounds,
    rounds: campaign.rounds.map(toRoundView),
  };
}

function toPairQuestionView(question: PairQuestion): PairQuestionView {
  const { pairId, position, sampleHash, groups } = question;
  return {
    pairId,
    position,
    jump: question.jump ?? 0,
    sampleHash,
    groups: groups.map((group) => ({ ...group, exemplarIds: [...group.exemplarIds] })),
  };
}

export function toOpenQueryView(query: QueryState, question?: PairQuestion): OpenQueryView {
  const { queryId, campaignId, round, imageId, options, deadline, answers } = query;
  return {
    id: queryId,
    campaignId,
    round,
    imageId,
    options: [...options],
    deadline,
    answers: answers.length,
    question: question ? toPairQuestionView(question) : null,
  };
}

export function toAuditEntryView(entry: AuditEntry): AuditEntryView {
  const { position, version, recordedAt, type, summary, causation, data } = entry;
  const actor = causation?.actor ?? causation?.activity ?? causation?.workflowId ?? null;
  return { position, version, recordedAt, type, summary, actor, data };
}
