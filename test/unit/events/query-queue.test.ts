import { describe, expect, it } from 'vitest';
import type { NewEvent } from '../../../events/catalog';
import {
  canAnswer,
  openQueriesFor,
  projectQueryQueue,
  type AnswerCheck,
  type QueryState,
} from '../../../events/projections/query-queue';
import { asRecorded, campaignFacts, recordedAtOf } from './event-fixtures';

const facts = campaignFacts('c1');
const issued = facts.queryIssued(1, 'q1');

const openQuery: QueryState = {
  queryId: 'q1',
  campaignId: 'c1',
  round: 1,
  imageId: 42,
  options: ['0', '1', '7'],
  experts: ['alice', 'bob'],
  quorum: 2,
  removedExperts: [],
  deadline: '2030-01-01T12:00:00Z',
  issuedAt: recordedAtOf(0),
  status: 'open',
  answers: [],
  decidedLabel: null,
  tally: null,
};
const alice7 = { expertId: 'alice', answer: '7', at: recordedAtOf(1) };
const bob1 = { expertId: 'bob', answer: '1', at: recordedAtOf(2) };

const queueOf = (given: NewEvent[]) => projectQueryQueue(asRecorded(given));

describe('query queue', () => {
  it.each<{ name: string; given: NewEvent[]; then: QueryState | undefined }>([
    { name: 'an issued query is open with no answers', given: [issued], then: openQuery },
    {
      name: 'an answer below the quorum keeps the query open',
      given: [issued, facts.answerRecorded('q1', 'alice', '7')],
      then: { ...openQuery, answers: [alice7] },
    },
    {
      name: 'the answer that reaches the quorum closes the query',
      given: [
        issued,
        facts.answerRecorded('q1', 'alice', '7'),
        facts.answerRecorded('q1', 'bob', '1'),
      ],
      then: { ...openQuery, status: 'closed', answers: [alice7, bob1] },
    },
    {
      name: 'an open query past its deadline expires',
      given: [issued, facts.answerRecorded('q1', 'alice', '7'), facts.queryExpired('q1', 1)],
      then: { ...openQuery, status: 'expired', answers: [alice7] },
    },
    {
      name: 'a closed query stays closed when an expiry arrives late',
      given: [
        issued,
        facts.answerRecorded('q1', 'alice', '7'),
        facts.answerRecorded('q1', 'bob', '1'),
        facts.queryExpired('q1', 2),
      ],
      then: { ...openQuery, status: 'closed', answers: [alice7, bob1] },
    },
    {
      name: 'a decided vote closes the query and keeps label and tally',
      given: [
        issued,
        facts.answerRecorded('q1', 'alice', '7'),
        facts.voteDecided('q1', '7', { '7': 1 }),
      ],
      then: {
        ...openQuery,
        status: 'closed',
        answers: [alice7],
        decidedLabel: '7',
        tally: { '7': 1 },
      },
    },
    {
      name: 'a vote decided after expiry leaves the query expired',
      given: [issued, facts.queryExpired('q1', 0), facts.voteDecided('q1', null, {})],
      then: { ...openQuery, status: 'expired', tally: {} },
    },
    {
      name: 'a query issued twice keeps its first issue',
      given: [issued, facts.queryIssued(1, 'q1', { imageId: 9 })],
      then: openQuery,
    },
    {
      name: 'a reminder changes nothing about the query',
      given: [issued, facts.queryReminded('q1', ['alice', 'bob'])],
      then: openQuery,
    },
    {
      name: 'a handover puts the replacement in the leaver’s seat and keeps the quorum',
      given: [issued, facts.queryReassigned('q1', 'alice', 'carol')],
      then: {
        ...openQuery,
        experts: ['carol', 'bob'],
        removedExperts: [{ expertId: 'alice', reason: 'on leave' }],
      },
    },
    {
      name: 'a drop shrinks the panel and lowers the quorum, keeping the answers given',
      given: [
        issued,
        facts.answerRecorded('q1', 'alice', '7'),
        facts.queryReassigned('q1', 'bob', null, { quorum: 1, reason: 'sick' }),
      ],
      then: {
        ...openQuery,
        experts: ['alice'],
        quorum: 1,
        removedExperts: [{ expertId: 'bob', reason: 'sick' }],
        status: 'closed',
        answers: [alice7],
      },
    },
    {
      name: 'a drop below the answers given so far closes the open query',
      given: [
        facts.queryIssued(1, 'q1', { experts: ['alice', 'bob', 'carol'], quorum: 3 }),
        facts.answerRecorded('q1', 'alice', '7'),
        facts.answerRecorded('q1', 'bob', '1'),
        facts.queryReassigned('q1', 'carol', null, { quorum: 2 }),
      ],
      then: {
        ...openQuery,
        removedExperts: [{ expertId: 'carol', reason: 'on leave' }],
        status: 'closed',
        answers: [alice7, bob1],
      },
    },
    {
      name: 'a reassignment of a query never issued is left out',
      given: [facts.queryReassigned('q1', 'alice', 'carol')],
      then: undefined,
    },
    {
      name: 'answers to a query never issued are left out',
      given: [facts.answerRecorded('q1', 'alice', '7'), facts.queryExpired('q1', 1)],
      then: undefined,
    },
  ])('$name', ({ given, then }) => {
    expect(queueOf(given).queries.q1).toEqual(then);
  });

  // q-late and q-soon are open; alice answered q-late; q-done reached its quorum.
  const inbox = queueOf([
    facts.queryIssued(1, 'q-late', { deadline: '2030-01-02T00:00:00Z' }),
    facts.queryIssued(1, 'q-soon', { experts: ['bob', 'carol'], deadline: '2030-01-01T00:00:00Z' }),
    facts.queryIssued(1, 'q-done', { experts: ['bob'], quorum: 1 }),
    facts.answerRecorded('q-done', 'bob', '0'),
    facts.answerRecorded('q-late', 'alice', '1'),
  ]);

  it.each([
    { expert: undefined, open: ['q-soon', 'q-late'] },
    { expert: 'alice', open: [] },
    { expert: 'bob', open: ['q-soon', 'q-late'] },
    { expert: 'carol', open: ['q-soon'] },
    { expert: 'dave', open: [] },
  ])('the inbox of $expert lists $open, earliest deadline first', ({ expert, open }) => {
    expect(openQueriesFor(inbox, expert).map((query) => query.queryId)).toEqual(open);
  });

  const answerable = queueOf([
    issued,
    facts.answerRecorded('q1', 'alice', '7'),
    facts.queryIssued(1, 'q-handed', { experts: ['alice', 'bob'] }),
    facts.answerRecorded('q-handed', 'alice', '0'),
    facts.queryReassigned('q-handed', 'bob', 'carol', { reason: 'on holiday' }),
    facts.queryIssued(1, 'q-closed', { quorum: 1 }),
    facts.answerRecorded('q-closed', 'bob', '0'),
    facts.queryIssued(1, 'q-expired'),
    facts.queryExpired('q-expired', 0),
  ]);

  it.each<{ name: string; queryId: string; expertId: string; answer: string; then: AnswerCheck }>([
    {
      name: 'an answer from a panel expert among the options is accepted',
      queryId: 'q1',
      expertId: 'bob',
      answer: '1',
      then: { ok: true },
    },
    {
      name: 'an answer to an unknown query is not found',
      queryId: 'q-missing',
      expertId: 'bob',
      answer: '1',
      then: { ok: false, code: 'NOT_FOUND', message: expect.stringMatching(/query q-missing/) },
    },
    {
      name: 'a query id that names an inherited property is not found either',
      queryId: 'constructor',
      expertId: 'bob',
      answer: '1',
      then: { ok: false, code: 'NOT_FOUND', message: expect.stringMatching(/query constructor/) },
    },
    {
      name: 'an answer to a closed query is refused',
      queryId: 'q-closed',
      expertId: 'alice',
      answer: '1',
      then: {
        ok: false,
        code: 'ILLEGAL_STATE',
        message: expect.stringMatching(/query q-closed is closed/),
      },
    },
    {
      name: 'an answer to an expired query is refused',
      queryId: 'q-expired',
      expertId: 'alice',
      answer: '1',
      then: {
        ok: false,
        code: 'ILLEGAL_STATE',
        message: expect.stringMatching(/query q-expired is expired/),
      },
    },
    {
      name: 'an expert off the panel is refused',
      queryId: 'q1',
      expertId: 'mallory',
      answer: '1',
      then: {
        ok: false,
        code: 'ILLEGAL_STATE',
        message: expect.stringMatching(/expert mallory is not on the panel .*q1.*alice, bob/),
      },
    },
    {
      name: 'an expert taken off the panel is refused with the reason',
      queryId: 'q-handed',
      expertId: 'bob',
      answer: '1',
      then: {
        ok: false,
        code: 'ILLEGAL_STATE',
        message:
          'expert bob was taken off the panel of query q-handed (on holiday); ' +
          'panel now: alice, carol',
      },
    },
    {
      name: 'the replacement may answer',
      queryId: 'q-handed',
      expertId: 'carol',
      answer: '1',
      then: { ok: true },
    },
    {
      name: 'a second answer by the same expert is refused',
      queryId: 'q1',
      expertId: 'alice',
      answer: '1',
      then: {
        ok: false,
        code: 'ILLEGAL_STATE',
        message: expect.stringMatching(/expert alice already answered query q1/),
      },
    },
    {
      name: 'an answer outside the options is invalid',
      queryId: 'q1',
      expertId: 'bob',
      answer: '9',
      then: {
        ok: false,
        code: 'VALIDATION',
        message: expect.stringMatching(/answer "9" is not an option of query q1.*0, 1, 7/),
      },
    },
  ])('$name', ({ queryId, expertId, answer, then }) => {
    // The wording belongs to the answer rules; these patterns pin what and why it names.
    expect(canAnswer(answerable, { queryId, expertId, answer })).toEqual(then);
  });
});
