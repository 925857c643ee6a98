import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  log,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { RoundActivities } from '../activities/round-activities';
import type { PairSampleQuestion } from '../activities/round/pair-questions';
import type { IssueQueriesInput } from '../activities/round/queries';
import { refuseAnswer } from '../events/rules/answer-rules';
import type { PanelQuery } from '../events/rules/query-panel';
import { queryIdFor, type RoundInput, type RoundSummary } from './campaign-input';
import { answerQueryUpdate, openQueriesQuery } from './messages';
import { trackQueryPanels } from './query-panel';
import { awaitAnswers } from './query-reminder';

interface RoundQuery extends PanelQuery {
  imageId: number;
  options: readonly string[];
  deadline: string;
  answers: { expertId: string }[];
}

/** A query the round asks, before its panel is drawn. */
type AskedQuery = Omit<IssueQueriesInput['queries'][number], 'experts' | 'quorum'>;

const nonRetryableErrorTypes = ['VALIDATION', 'ILLEGAL_STATE', 'NOT_FOUND'];

/**
 * One labelling round: train (with the labelled points so far), cluster, score uncertainty,
 * find colliding and spread labels, ask the experts about the most uncertain images and
 * about synthetic samples between the label groups, wait for their answers (for days if
 * need be), walk each pair on for `queries.pairJumps` jumps (each from the sample placed
 * closest to group B, asked and awaited in turn), tally the votes, and let them merge,
 * split and relabel in the label tree.
 */
export async function roundWorkflow(input: RoundInput): Promise<RoundSummary> {
  const { campaign, round } = input;
  const { campaignId } = campaign;
  const steps = proxyActivities<RoundActivities>({
    startToCloseTimeout: '15 minutes',
    retry: { maximumAttempts: 10, nonRetryableErrorTypes },
  });
  const training = proxyActivities<RoundActivities>({
    startToCloseTimeout: '4 hours',
    heartbeatTimeout: `${campaign.heartbeatSeconds ?? 60} seconds`,
    retry: { maximumAttempts: 10, nonRetryableErrorTypes },
  });

  const queries = new Map<string, RoundQuery>();
  const panels = trackQueryPanels(input, queries, steps);
  registerAnswerHandler(queries, campaignId, panels.recorded, steps);
  setHandler(openQueriesQuery, () =>
    [...queries.values()]
      .filter((query) => query.status === 'open')
      .map(({ queryId, imageId, experts, options, answers, deadline }) => ({
        queryId,
        imageId,
        experts: [...experts],
        options: [...options],
        answers: answers.length,
        deadline,
      })),
  );

  await steps.startRound({ campaignId, round });

  const trained = await training.trainModel({
    campaignId,
    round,
    dataset: campaign.dataset,
    model: campaign.model,
    startFromHash: input.startFromHash,
  });
  log.info('model trained', { campaignId, round, weightsHash: trained.weightsHash });

  // The round's model as the later steps load it.
  const roundModel = {
    campaignId,
    round,
    dataset: campaign.dataset,
    model: campaign.model,
    weightsHash: trained.weightsHash,
    classes: trained.classes ?? 0,
  };
  const clusters = await steps.assignClusters(roundModel);
  log.info('clusters assigned', { campaignId, round, accuracy: clusters.accuracy });

  const uncertainty = await steps.scoreUncertainty({
    campaignId,
    round,
    clusteringHash: clusters.clusteringHash,
    queries: campaign.queries.perRound,
  });

  const planned = await steps.planPairs({
    ...roundModel,
    clusteringHash: clusters.clusteringHash,
    maxPairs: campaign.queries.pairsPerRound ?? 3,
  });

  // The workflow names the queries itself and opens them before they are recorded, so an
  // expert who answers the moment a query appears in the store is never told it is unknown.
  let issuedSoFar = 0;
  let expired = 0;
  const askAndAwait = async (asked: AskedQuery[]) => {
    const deadline = new Date(Date.now() + campaign.queries.deadlineSeconds * 1000).toISOString();
    const issued = asked.map((query, index) => ({
      ...query,
      ...panels.panelFor(issuedSoFar + index),
    }));
    issuedSoFar += asked.length;
    for (const { queryId, imageId, experts, quorum, options } of issued) {
      queries.set(queryId, {
        queryId,
        imageId,
        experts,
        quorum,
        removedExperts: [],
        options,
        status: 'open',
        answers: [],
        deadline,
      });
    }
    await panels.issuing(() =>
      steps.issueQueries({ campaignId, round, queries: issued, deadline }),
    );

    await awaitAnswers(queries, campaignId, campaign.queries, steps);
    expired += await expireStragglers(queries, campaignId, steps);
  };

  await askAndAwait([
    ...uncertainty.mostUncertain.map((imageId, index) => ({
      queryId: queryIdFor(campaignId, round, index),
      imageId,
      options: planned.labelOptions,
    })),
    ...planned.pairs.map(({ imageId, options, ...question }, index) => ({
      queryId: `${question.pairId}.s${index + 1}`,
      imageId,
      options,
      question: { kind: 'pair' as const, ...question },
    })),
  ]);

  // Each later jump goes on from the answers to the one before, so it is planned only once
  // those are final. With the default single jump the commands are those of rounds before
  // walks existed, so their histories replay unchanged.
  for (let jump = 1; jump < (campaign.queries.pairJumps ?? 1); jump++) {
    const next = await steps.planPairJump({
      ...roundModel,
      clusteringHash: clusters.clusteringHash,
      jump,
      queries: campaign.queries,
    });
    if (next.pairs.length === 0) break;
    await askAndAwait(jumpQueries(next.pairs, jump));
  }

  const votes = await steps.decideVotes({ campaignId, round });
  const { relabelled, ...tree } = await steps.decidePairs({
    campaignId,
    round,
    dataset: campaign.dataset,
    clusteringHash: clusters.clusteringHash,
  });
  log.info('label tree updated', { campaignId, round, relabelled, ...tree });
  const summary = await steps.completeRound({
    campaignId,
    round,
    accuracy: clusters.accuracy,
    answered: votes.answered,
    expired,
    labelled: relabelled,
    ...tree,
  });
  log.info('round completed', { campaignId, round, workflowId: workflowInfo().workflowId });

  return {
    ...summary,
    pixelAccuracy: clusters.pixelAccuracy,
    weightsHash: trained.weightsHash,
  };
}

/**
 * Marks the queries still open expired before recording it, so the validator refuses late
 * answers, and lets answers already accepted finish recording before the expiry is written.
 */
async function expireStragglers(
  queries: Map<string, RoundQuery>,
  campaignId: string,
  steps: RoundActivities,
): Promise<number> {
  const late = [...queries.values()].filter((query) => query.status === 'open');
  for (const query of late) query.status = 'expired';
  await condition(allHandlersFinished);
  if (late.length > 0) {
    await steps.expireQueries({ campaignId, queryIds: late.map((query) => query.queryId) });
  }
  return late.length;
}

/** A later jump's samples as queries: `${pairId}.j${jump}.s${n}`, n counted per pair. */
function jumpQueries(samples: PairSampleQuestion[], jump: number): AskedQuery[] {
  const perPair = new Map<string, number>();
  return samples.map(({ imageId, options, ...question }) => {
    const sample = (perPair.get(question.pairId) ?? 0) + 1;
    perPair.set(question.pairId, sample);
    return {
      queryId: `${question.pairId}.j${jump}.s${sample}`,
      imageId,
      options,
      question: { kind: 'pair' as const, ...question },
    };
  });
}

function registerAnswerHandler(
  queries: Map<string, RoundQuery>,
  campaignId: string,
  panelsRecorded: () => Promise<void>,
  steps: RoundActivities,
) {
  setHandler(
    answerQueryUpdate,
    async (proposed) => {
      const query = queries.get(proposed.queryId)!;
      // Claim the vote before awaiting, so a second answer by the same expert arriving
      // while this one is recorded is refused by the validator.
      const claim = { expertId: proposed.expertId };
      query.answers.push(claim);
      try {
        await panelsRecorded();
        await steps.recordAnswer({ campaignId, ...proposed });
      } catch (error) {
        query.answers.splice(query.answers.indexOf(claim), 1);
        throw error;
      }

      if (query.status === 'open' && query.answers.length >= query.quorum) query.status = 'closed';
      return { answersSoFar: query.answers.length };
    },
    {
      validator: (proposed) => {
        const refusal = refuseAnswer(queries.get(proposed.queryId), proposed);
        if (refusal) {
          throw ApplicationFailure.create({
            type: refusal.code,
            message: refusal.message,
            nonRetryable: true,
          });
        }
      },
    },
  );
}
