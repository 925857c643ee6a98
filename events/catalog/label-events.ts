import { z } from 'zod';

/*
 * The label tree of a campaign morphs through these facts; nothing is ever deleted.
 * - A merge puts two labels under a parent (a new one, or an existing label): both stay, as
 *   children, and keep their points.
 * - A split gives a label new child labels and moves some of its points down to them; the
 *   split label stays, as their parent, holding the points nobody moved.
 * - A point carries the most specific label known for it, normally a leaf; evaluation at a
 *   coarser level maps that label to its ancestor at the level.
 * Which changes are allowed is decided by `events/rules/label-tree-rules.ts`.
 */

const id = z.string().min(1).max(200);
const name = z.string().min(1).max(100);
const pointId = z.number().int().nonnegative();

export const labelCreatedSchema = z
  .object({
    campaignId: id,
    labelId: id,
    name,
    parentId: id.nullable(),
    /** Why a round created the label: votes that placed samples in neither group. */
    reason: z.string().max(500).optional(),
    voteQueryIds: z.array(id).optional(),
  })
  .strict();

const mergeFacts = {
  campaignId: id,
  labelIds: z.tuple([id, id]),
  /** The parent both labels end up under: a new label, or an existing one. */
  parentId: id,
  reason: z.string().max(500).optional(),
  /** The expert queries whose vote decided the merge. */
  voteQueryIds: z.array(id).optional(),
};

/** A new parent needs a name; an existing one already has one. */
export const labelsMergedSchema = z.discriminatedUnion('newParent', [
  z.object({ ...mergeFacts, newParent: z.literal(true), name }).strict(),
  z.object({ ...mergeFacts, newParent: z.literal(false) }).strict(),
]);

export const labelSplitSchema = z
  .object({
    campaignId: id,
    labelId: id,
    /** New labels, siblings under the split label; each takes the points listed with it. */
    children: z.array(z.object({ labelId: id, name, pointIds: z.array(pointId) }).strict()).min(2),
    reason: z.string().max(500).optional(),
    voteQueryIds: z.array(id).optional(),
  })
  .strict();

export const labelRenamedSchema = z.object({ campaignId: id, labelId: id, name }).strict();

export const labelMovedSchema = z
  .object({ campaignId: id, labelId: id, newParentId: id.nullable() })
  .strict();

const relabelFacts = {
  campaignId: id,
  /** Image ids, e.g. the points an expert lassoed in the embedding scatter. */
  pointIds: z.array(pointId).min(1),
  toLabelId: id,
  reason: z.string().max(500),
};

/** An expert's relabelling names the expert; a vote's is the panel's, so it names nobody. */
export const pointsRelabelledSchema = z.discriminatedUnion('by', [
  z.object({ ...relabelFacts, by: z.literal('expert'), expertId: id }).strict(),
  z.object({ ...relabelFacts, by: z.literal('vote') }).strict(),
]);
