import { describe, expect, it } from 'vitest';
import { eventTypes, type NewEvent } from '../../../events/catalog';
import { auditTrailOf, projectAuditTrail } from '../../../events/projections/audit-trail';
import { summarizeEvent } from '../../../events/projections/event-summary';
import { asRecorded, campaignFacts, hashOf, recordedAtOf } from './event-fixtures';

const facts = campaignFacts('c1');
const weights = hashOf('weights 1').slice(0, 8);
const images = hashOf('images').slice(0, 8);

const summaries: { given: NewEvent; then: string }[] = [
  {
    given: facts.started(),
    then:
      'Campaign "Digits c1" started by olga: 2 rounds, labels 0, 1, 7, ' +
      'experts alice, bob, carol',
  },
  {
    given: facts.datasetRegistered(),
    then: `Dataset registered: 2000 MNIST images from offset 0, images ${images}`,
  },
  { given: facts.paused('holiday'), then: 'Campaign paused: holiday' },
  { given: facts.paused(''), then: 'Campaign paused: no reason given' },
  { given: facts.resumed('x'), then: 'Campaign resumed' },
  { given: facts.completed(1), then: 'Campaign completed after 1 round' },
  { given: facts.roundStarted(2), then: 'Round 2 started' },
  {
    given: facts.modelTrained(1),
    then: `Round 1: model trained on wasm, 5 epochs, loss 0.0213, weights ${weights}`,
  },
  {
    given: facts.modelTrained(1, { epochs: 1, finalLoss: 12.3456, startedFromHash: hashOf('w0') }),
    then:
      `Round 1: model trained on wasm, 1 epoch, loss 12.3, weights ${weights}, ` +
      `warm-started from ${hashOf('w0').slice(0, 8)}`,
  },
  {
    given: facts.clustersAssigned(1, 0.8123, 0.7),
    then: 'Round 1: 3 clusters, accuracy 0.812 (raw pixels 0.600), NMI 0.700',
  },
  {
    given: facts.clustersAssigned(1, 0.8123),
    then: 'Round 1: 3 clusters, accuracy 0.812 (raw pixels 0.600)',
  },
  {
    given: facts.uncertaintyScored(1),
    then:
      'Round 1: uncertainty scored, mean entropy 0.423; 1500 confident, 400 unsure, ' +
      '100 uncertain; 2 images picked for experts',
  },
  {
    given: facts.queryIssued(1, 'q1'),
    then:
      'Round 1: query q1 asks 2 experts about image 42, quorum 2, ' +
      'deadline 2030-01-01T12:00:00Z',
  },
  {
    given: facts.answerRecorded('q1', 'alice', '7'),
    then: 'Expert alice answered "7" to query q1',
  },
  {
    given: facts.queryReminded('q1', ['alice', 'bob']),
    then: 'Query q1: alice, bob reminded to answer at 2030-01-01T10:00:00.000Z',
  },
  {
    given: facts.queryReassigned('q1', 'bob', 'carol'),
    then: 'Query q1: bob handed over to carol: on leave',
  },
  {
    given: facts.queryReassigned('q1', 'bob', null, { quorum: 1, reason: '' }),
    then: 'Query q1: bob dropped from its panel, nobody left to take over; quorum now 1',
  },
  { given: facts.queryExpired('q1', 1), then: 'Query q1 expired with 1 answer' },
  { given: facts.queryExpired('q1', 0), then: 'Query q1 expired with 0 answers' },
  {
    given: facts.voteDecided('q1', '7', { '7': 2, '1': 1 }),
    then: 'Vote on image 42 (query q1) decided "7": "1": 1, "7": 2',
  },
  {
    given: facts.voteDecided('q1', null, {}),
    then: 'Vote on image 42 (query q1) left undecided: no votes',
  },
  { given: facts.labelCreated('l4', '4'), then: 'Label "4" (l4) created at the top of the tree' },
  { given: facts.labelCreated('l4', '4', 'l49'), then: 'Label "4" (l4) created under l49' },
  {
    given: facts.labelCreated('p1.1', 'neither 4 nor 9', 'l49', {
      reason: 'most votes along pair p1 place its samples in neither group',
      voteQueryIds: ['q1', 'q2'],
    }),
    then:
      'Label "neither 4 nor 9" (p1.1) created under l49 (votes q1, q2): ' +
      'most votes along pair p1 place its samples in neither group',
  },
  {
    given: facts.labelsMerged(['l4', 'l9'], 'l49', '4|9', {
      reason: 'experts cannot tell them apart',
      voteQueryIds: ['q1', 'q2'],
    }),
    then:
      'Labels l4 and l9 merged under new parent "4|9" (l49) (votes q1, q2): ' +
      'experts cannot tell them apart',
  },
  { given: facts.labelsMerged(['l4', 'l9'], 'l7'), then: 'Labels l4 and l9 merged under l7' },
  {
    given: facts.labelSplit('l358', [
      { labelId: 'l3', name: '3', pointIds: [1, 2] },
      { labelId: 'l5', name: '5', pointIds: [] },
      { labelId: 'l8', name: '8', pointIds: [3] },
    ]),
    then: 'Label l358 split into "3" (l3), "5" (l5), "8" (l8); 3 points moved',
  },
  { given: facts.labelRenamed('l4', 'four'), then: 'Label l4 renamed "four"' },
  { given: facts.labelMoved('l4', 'l49'), then: 'Label l4 moved under l49' },
  { given: facts.labelMoved('l4', null), then: 'Label l4 moved to the top of the tree' },
  {
    given: facts.pointsRelabelled([1, 2], 'l9', 'alice', 'lasso'),
    then: '2 points relabelled to l9 by expert alice: lasso',
  },
  { given: facts.pointsRelabelled([1], 'l9'), then: '1 point relabelled to l9 by vote' },
  {
    given: facts.collisionDetected(2, 'c1.r2.p1', ['l1a', 'l1b']),
    then: 'Round 2: labels collide: pair c1.r2.p1 compares l1a (2 points) with l1b (1 point)',
  },
  {
    given: facts.pairDecided(2, 'c1.r2.p1', ['q4', 'q5']),
    then: 'Pair c1.r2.p1 decided "same" (votes q4, q5)',
  },
  {
    given: {
      ...facts.pairDecided(2, 'c1.r2.p2', ['q6']),
      data: {
        ...facts.pairDecided(2, 'c1.r2.p2', ['q6']).data,
        decision: 'different',
        changeRefused: 'point 5 does not carry label l1',
      },
    },
    then:
      'Pair c1.r2.p2 decided "different" (votes q6); its change was refused: point 5 does ' +
      'not carry label l1',
  },
  {
    given: facts.roundCompleted(1, 0.83),
    then: 'Round 1 completed: accuracy 0.830, 1 answered, 1 expired, 1 labelled',
  },
];

describe('audit trail', () => {
  it('has a summary case for every event type of the catalogue', () => {
    expect(new Set(summaries.map(({ given }) => given.type))).toEqual(new Set(eventTypes));
  });

  it.each(summaries)('summarises $given.type as "$then"', ({ given, then }) => {
    const [recorded] = asRecorded([given]);
    expect(recorded && summarizeEvent(recorded)).toBe(then);
  });

  const other = campaignFacts('c2');
  const trails = projectAuditTrail(
    asRecorded([
      facts.started(),
      other.started(),
      {
        ...facts.roundStarted(1),
        causation: { workflowId: 'campaign-c1', activity: 'startRound' },
      },
      other.roundStarted(1),
      { ...facts.answerRecorded('q1', 'alice', '7'), causation: { actor: 'alice' } },
    ]),
  );

  it('lists one campaign’s events in store order with their metadata and causation', () => {
    expect(auditTrailOf(trails, 'c1')).toEqual([
      {
        position: 1,
        version: 1,
        eventId: 'c1/started',
        recordedAt: recordedAtOf(0),
        type: 'CampaignStarted',
        summary: expect.stringMatching(/^Campaign "Digits c1" started by olga/),
        causation: null,
        data: facts.started().data,
      },
      {
        position: 3,
        version: 2,
        eventId: 'c1/1/started',
        recordedAt: recordedAtOf(2),
        type: 'RoundStarted',
        summary: 'Round 1 started',
        causation: { workflowId: 'campaign-c1', activity: 'startRound' },
        data: { campaignId: 'c1', round: 1 },
      },
      {
        position: 5,
        version: 3,
        eventId: 'q1/answer/alice',
        recordedAt: recordedAtOf(4),
        type: 'AnswerRecorded',
        summary: 'Expert alice answered "7" to query q1',
        causation: { actor: 'alice' },
        data: { campaignId: 'c1', queryId: 'q1', expertId: 'alice', answer: '7' },
      },
    ]);
  });

  it.each([
    { campaignId: 'c2', positions: [2, 4] },
    { campaignId: 'c-unknown', positions: [] },
  ])('the trail of $campaignId holds positions $positions', ({ campaignId, positions }) => {
    expect(auditTrailOf(trails, campaignId).map((entry) => entry.position)).toEqual(positions);
  });
});
