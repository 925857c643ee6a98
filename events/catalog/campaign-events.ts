import { z } from 'zod';

const id = z.string().min(1).max(200);
const label = z.string().min(1).max(100);

/** Where a campaign's images come from. Only the bundled MNIST digits exist so far. */
export const datasetSourceSchema = z
  .object({
    kind: z.literal('mnist'),
    count: z.number().int().min(1).max(10_000),
    offset: z.number().int().min(0).max(9_999).default(0),
  })
  .strict();

export const campaignStartedSchema = z
  .object({
    campaignId: id,
    name: z.string().min(1).max(200),
    labels: z.array(label).min(2),
    rounds: z.number().int().min(1),
    experts: z.array(id).min(1),
    owner: id,
  })
  .strict();

export const datasetRegisteredSchema = z
  .object({
    campaignId: id,
    source: datasetSourceSchema,
    imageCount: z.number().int().min(1),
    /** sha256 of the raw pixel bytes, so the audit can prove which images were used. */
    imagesHash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

export const campaignPausedSchema = z.object({ campaignId: id, reason: z.string() }).strict();
export const campaignResumedSchema = z.object({ campaignId: id }).strict();
export const campaignCompletedSchema = z
  .object({ campaignId: id, rounds: z.number().int().min(0) })
  .strict();
