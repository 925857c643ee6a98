import type { RecordedEvent } from '../catalog';
import { unexpectedEvent } from './unexpected-event';

const threeDigits = new Intl.NumberFormat('en', {
  maximumSignificantDigits: 3,
  useGrouping: false,
});
const share = (value: number) => value.toFixed(3);
const shortHash = (hash: string) => hash.slice(0, 8);
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const quoted = (label: string) => JSON.stringify(label);

const because = (reason: string | undefined) => (reason ? `: ${reason}` : '');
const byVotes = (queryIds: readonly string[] | undefined) =>
  queryIds && queryIds.length > 0 ? ` (votes ${queryIds.join(', ')})` : '';

function describeTally(tally: Readonly<Record<string, number>>) {
  const votes = Object.entries(tally).map(([label, n]) => `${quoted(label)}: ${n}`);
  return votes.length > 0 ? votes.join(', ') : 'no votes';
}

/** One line a quality manager can read without knowing the event schema. */
export function summarizeEvent(event: RecordedEvent): string {
  switch (event.type) {
    case 'CampaignStarted': {
      const { name, owner, rounds, labels, experts } = event.data;
      return (
        `Campaign ${quoted(name)} started by ${owner}: ${count(rounds, 'round')}, ` +
        `labels ${labels.join(', ')}, experts ${experts.join(', ')}`
      );
    }
    case 'DatasetRegistered': {
      const { source, imageCount, imagesHash } = event.data;
      return (
        `Dataset registered: ${imageCount} ${source.kind.toUpperCase()} images ` +
        `from offset ${source.offset}, images ${shortHash(imagesHash)}`
      );
    }
    case 'CampaignPaused':
      return `Campaign paused: ${event.data.reason || 'no reason given'}`;
    case 'CampaignResumed':
      return 'Campaign resumed';
    case 'CampaignCompleted':
      return `Campaign completed after ${count(event.data.rounds, 'round')}`;
    case 'RoundStarted':
      return `Round ${event.data.round} started`;
    case 'ModelTrained': {
      const { round, backend, epochs, finalLoss, weightsHash, startedFromHash } = event.data;
      const warmStart = startedFromHash ? `, warm-started from ${shortHash(startedFromHash)}` : '';
      return (
        `Round ${round}: model trained on ${backend}, ${count(epochs, 'epoch')}, ` +
        `loss ${threeDigits.format(finalLoss)}, weights ${shortHash(weightsHash)}${warmStart}`
      );
    }
    case 'ClustersAssigned': {
      const { round, clusters, accuracy, pixelAccuracy, nmi } = event.data;
      const nmiPart = nmi === undefined ? '' : `, NMI ${share(nmi)}`;
      return (
        `Round ${round}: ${clusters} clusters, accuracy ${share(accuracy)} ` +
        `(raw pixels ${share(pixelAccuracy)})${nmiPart}`
      );
    }
    case 'UncertaintyScored': {
      const { round, meanEntropy, confident, unsure, uncertain, mostUncertain } = event.data;
      return (
        `Round ${round}: uncertainty scored, mean entropy ${threeDigits.format(meanEntropy)}; ` +
        `${confident} confident, ${unsure} unsure, ${uncertain} uncertain; ` +
        `${count(mostUncertain.length, 'image')} picked for experts`
      );
    }
    case 'QueryIssued': {
      const { round, queryId, imageId, experts, quorum, deadline } = event.data;
      return (
        `Round ${round}: query ${queryId} asks ${count(experts.length, 'expert')} ` +
        `about image ${imageId}, quorum ${quorum}, deadline ${deadline}`
      );
    }
    case 'AnswerRecorded': {
      const { expertId, answer, queryId } = event.data;
      return `Expert ${expertId} answered ${quoted(answer)} to query ${queryId}`;
    }
    case 'QueryReminded': {
      const { queryId, expertIds, at } = event.data;
      return `Query ${queryId}: ${expertIds.join(', ')} reminded to answer at ${at}`;
    }
    case 'QueryReassigned': {
      const { queryId, fromExpertId, toExpertId, quorum, reason } = event.data;
      const outcome =
        toExpertId === null
          ? `dropped from its panel, nobody left to take over; quorum now ${quorum}`
          : `handed over to ${toExpertId}`;
      return `Query ${queryId}: ${fromExpertId} ${outcome}${because(reason)}`;
    }
    case 'QueryExpired':
      return `Query ${event.data.queryId} expired with ${count(event.data.answers, 'answer')}`;
    case 'VoteDecided': {
      const { queryId, imageId, label, tally } = event.data;
      const outcome = label === null ? 'left undecided' : `decided ${quoted(label)}`;
      return `Vote on image ${imageId} (query ${queryId}) ${outcome}: ${describeTally(tally)}`;
    }
    case 'CollisionDetected': {
      const { round, pairId, kind, groups } = event.data;
      const [a, b] = groups.map((g) => `${g.labelId} (${count(g.pointIds.length, 'point')})`);
      const why = kind === 'labels-collide' ? 'labels collide' : 'a label spreads over clusters';
      return `Round ${round}: ${why}: pair ${pairId} compares ${a} with ${b}`;
    }
    case 'PairDecided': {
      const { pairId, decision, voteQueryIds, changeRefused } = event.data;
      return (
        `Pair ${pairId} decided ${quoted(decision)}${byVotes(voteQueryIds)}` +
        `${changeRefused ? `; its change was refused: ${changeRefused}` : ''}`
      );
    }
    case 'RoundCompleted': {
      const { round, accuracy, answered, expired, labelled } = event.data;
      return (
        `Round ${round} completed: accuracy ${share(accuracy)}, ${answered} answered, ` +
        `${expired} expired, ${labelled} labelled`
      );
    }
    case 'LabelCreated': {
      const { labelId, name, parentId, reason, voteQueryIds } = event.data;
      const at = parentId === null ? 'at the top of the tree' : `under ${parentId}`;
      return (
        `Label ${quoted(name)} (${labelId}) created ${at}` +
        `${byVotes(voteQueryIds)}${because(reason)}`
      );
    }
    case 'LabelsMerged': {
      const { labelIds, parentId, reason, voteQueryIds } = event.data;
      const parent = event.data.newParent
        ? `new parent ${quoted(event.data.name)} (${parentId})`
        : parentId;
      return (
        `Labels ${labelIds.join(' and ')} merged under ${parent}` +
        `${byVotes(voteQueryIds)}${because(reason)}`
      );
    }
    case 'LabelSplit': {
      const { labelId, children, reason, voteQueryIds } = event.data;
      const parts = children.map((child) => `${quoted(child.name)} (${child.labelId})`);
      const moved = children.reduce((sum, child) => sum + child.pointIds.length, 0);
      return (
        `Label ${labelId} split into ${parts.join(', ')}; ${count(moved, 'point')} moved` +
        `${byVotes(voteQueryIds)}${because(reason)}`
      );
    }
    case 'LabelRenamed':
      return `Label ${event.data.labelId} renamed ${quoted(event.data.name)}`;
    case 'LabelMoved': {
      const { labelId, newParentId } = event.data;
      const to = newParentId === null ? 'to the top of the tree' : `under ${newParentId}`;
      return `Label ${labelId} moved ${to}`;
    }
    case 'PointsRelabelled': {
      const { pointIds, toLabelId, reason } = event.data;
      const who = event.data.by === 'expert' ? `expert ${event.data.expertId}` : 'vote';
      return (
        `${count(pointIds.length, 'point')} relabelled to ${toLabelId} by ${who}` + because(reason)
      );
    }
    default:
      return unexpectedEvent(event);
  }
}
