import { z } from 'zod';

const id = z.string().min(1).max(200);
const label = z.string().min(1).max(100);
const round = z.number().int().min(1);

export const queryIssuedSchema = z
  .object({
    campaignId: id,
    round,
    queryId: id,
    imageId: z.number().int().nonnegative(),
    /** The answers an expert may give; anything else is refused. */
    options: z.array(label).min(2),
    experts: z.array(id).min(1),
    /** Answers that close the query; at most the panel size. */
    quorum: z.number().int().min(1),
    /** ISO-8601 time after which the query expires unanswered. */
    deadline: z.string().datetime(),
  })
  .strict();

export const answerRecordedSchema = z
  .object({ campaignId: id, queryId: id, expertId: id, answer: label })
  .strict();

export const queryExpiredSchema = z
  .object({ campaignId: id, queryId: id, answers: z.number().int().nonnegative() })
  .strict();

export const voteDecidedSchema = z
  .object({
    campaignId: id,
    queryId: id,
    imageId: z.number().int().nonnegative(),
    /** The winning label, or null when the vote was tied or nobody answered. */
    label: label.nullable(),
    tally: z.record(label, z.number().int().nonnegative()),
  })
  .strict();
