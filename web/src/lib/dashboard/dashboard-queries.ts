/** The rows the dashboard reads, mirroring the GraphQL schema's types. */
export interface RoundRow {
  round: number;
  status: string;
  accuracy: number | null;
  pixelAccuracy: number | null;
  epochs: number | null;
  finalLoss: number | null;
  backend: string | null;
  weightsHash: string | null;
  confident: number | null;
  unsure: number | null;
  uncertain: number | null;
  answered: number | null;
  expired: number | null;
}

export interface CampaignRow {
  id: string;
  name: string;
  status: string;
  labels: string[];
  experts: string[];
  plannedRounds: number;
  rounds: RoundRow[];
}

export interface ExemplarRow {
  imageId: number;
  imageUrl: string;
}

export interface PairGroupRow {
  option: string;
  labelId: string;
  exemplars: ExemplarRow[];
}

export interface PairQuestionRow {
  pairId: string;
  position: number;
  /** The jump of the pair's walk that drew the sample; 0 along the path between the groups. */
  jump?: number;
  sampleHash: string;
  sampleUrl: string;
  groups: PairGroupRow[];
}

export interface QueryRow {
  id: string;
  campaignId: string;
  round: number;
  imageId: number;
  options: string[];
  deadline: string;
  answers: number;
  imageUrl: string;
  question: PairQuestionRow | null;
}

export interface AuditRow {
  position: number;
  version: number;
  recordedAt: string;
  type: string;
  summary: string;
  actor: string | null;
  data: string;
}

export const campaignsQuery = `query Campaigns {
  campaigns {
    id name status labels experts plannedRounds
    rounds {
      round status accuracy pixelAccuracy epochs finalLoss backend weightsHash
      confident unsure uncertain answered expired
    }
  }
}`;

export const inboxAndAuditQuery = `query InboxAndAudit(
  $expertId: ID!, $withInbox: Boolean!, $campaignId: ID!, $withAudit: Boolean!,
  $afterPosition: Int!, $limit: Int!
) {
  openQueries(expertId: $expertId) @include(if: $withInbox) {
    id campaignId round imageId options deadline answers imageUrl
    question {
      pairId position jump sampleHash sampleUrl
      groups { option labelId exemplars { imageId imageUrl } }
    }
  }
  auditEvents(campaignId: $campaignId, afterPosition: $afterPosition, limit: $limit)
    @include(if: $withAudit) {
    position version recordedAt type summary actor data
  }
}`;

export const answerMutation = `mutation Answer($queryId: ID!, $expertId: ID!, $answer: String!) {
  answerQuery(queryId: $queryId, expertId: $expertId, answer: $answer) { accepted queryId }
}`;
