import { z } from 'zod';

const id = z.string().min(1).max(200);
const label = z.string().min(1).max(100);
const round = z.number().int().min(1);
const imageId = z.number().int().nonnegative();
const hash = z.string().regex(/^[0-9a-f]{64}$/);

/** One side of a pair question: a label's group of points, shown by a few real images. */
const pairGroupSchema = z
  .object({ option: label, labelId: id, exemplarIds: z.array(imageId).max(8) })
  .strict();

/**
 * A pair question shows a synthetic image decoded between two groups of points and asks
 * whether it belongs to group A, group B or neither (answered with the groups' options or
 * `neither`). An image that fits both is answered A, by convention, so that "the same all
 * along the path" can be told apart from a boundary.
 */
export const pairQuestionSchema = z
  .object({
    kind: z.literal('pair'),
    pairId: id,
    /**
     * Where the sample lies between group A (0) and group B (1): its share of the path for
     * jump 0, its projection onto the segment between the centroids for later jumps.
     */
    position: z.number().min(0).max(1),
    /** Content address of the decoded sample: float32 pixels in the artefact folder. */
    sampleHash: hash,
    groups: z.tuple([pairGroupSchema, pairGroupSchema]),
    /**
     * The jump of the pair's walk that asked (0-based; absent: 0, the samples along the path
     * between the groups' centroids). A later jump samples around the midpoint of a new path
     * that starts at the sample of `fromQueryId`, the one the experts placed closest to B.
     */
    jump: z.number().int().nonnegative().optional(),
    /** Radius the jump sampled in, in embedding units; absent for jump 0. */
    epsilon: z.number().positive().finite().optional(),
    fromQueryId: id.optional(),
  })
  .strict();

export const queryIssuedSchema = z
  .object({
    campaignId: id,
    round,
    queryId: id,
    /** The image asked about; for a pair question, the real image nearest the sample. */
    imageId,
    /** The answers an expert may give; anything else is refused. */
    options: z.array(label).min(2),
    experts: z.array(id).min(1),
    /** Answers that close the query; at most the panel size. */
    quorum: z.number().int().min(1),
    /** ISO-8601 time after which the query expires unanswered. */
    deadline: z.string().datetime(),
    /** Absent for a plain "which label is this image" query. */
    question: pairQuestionSchema.optional(),
  })
  .strict();

export const answerRecordedSchema = z
  .object({ campaignId: id, queryId: id, expertId: id, answer: label })
  .strict();

export const queryExpiredSchema = z
  .object({ campaignId: id, queryId: id, answers: z.number().int().nonnegative() })
  .strict();

/** Sent once per query still open when its reminder time comes, to whoever has not answered. */
export const queryRemindedSchema = z
  .object({
    campaignId: id,
    queryId: id,
    /** Experts on the panel who had not answered yet. */
    expertIds: z.array(id).min(1),
    /** ISO-8601 time of the reminder, in the round workflow's clock. */
    at: z.string().datetime(),
  })
  .strict();

/**
 * An expert taken off a query's panel because they became unavailable. The replacement joins
 * the panel; with no replacement left (`toExpertId` null) the panel shrinks and the quorum
 * drops to its size. Answers already given stay.
 */
export const queryReassignedSchema = z
  .object({
    campaignId: id,
    queryId: id,
    fromExpertId: id,
    toExpertId: id.nullable(),
    /** The query's quorum from now on: lowered only when the panel shrank below it. */
    quorum: z.number().int().min(1),
    reason: z.string().max(500),
  })
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
