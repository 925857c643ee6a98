import { z } from 'zod';

const id = z.string().min(1).max(200);
const round = z.number().int().min(1);

/**
 * Why two groups of points are put to the experts:
 * - `labels-collide`: the SSDBSCAN clusters grown from two labels touch or overlap;
 * - `label-spread`: one label's points fall into two clusters of the model.
 */
export const pairKindSchema = z.enum(['labels-collide', 'label-spread']);

const groupSchema = z
  .object({
    labelId: id,
    /** The model's cluster the group was taken from, for a spread label. */
    clusterId: z.number().int().nonnegative().optional(),
    pointIds: z.array(z.number().int().nonnegative()).min(1),
  })
  .strict();

export const collisionDetectedSchema = z
  .object({
    campaignId: id,
    round,
    pairId: id,
    kind: pairKindSchema,
    groups: z.tuple([groupSchema, groupSchema]),
  })
  .strict();

/**
 * What the votes along a pair's path said (rule: `activities/labelling/pair-decision.ts`):
 * the two groups are the same class, different classes, a third class lies between them,
 * or the votes did not settle it.
 */
export const pairDecidedSchema = z
  .object({
    campaignId: id,
    round,
    pairId: id,
    decision: z.enum(['same', 'different', 'third-class', 'undecided']),
    voteQueryIds: z.array(id),
    /** Why the tree change the decision called for was refused; absent when none was. */
    changeRefused: z.string().max(1000).optional(),
  })
  .strict();
