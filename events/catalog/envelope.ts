import { z } from 'zod';

/**
 * Who caused an event: the workflow run and activity that appended it, or the person
 * (expert, campaign owner) on whose behalf it was appended. Quality managers read this.
 */
export const causationSchema = z
  .object({
    workflowId: z.string().min(1).optional(),
    runId: z.string().min(1).optional(),
    activity: z.string().min(1).optional(),
    actor: z.string().min(1).optional(),
  })
  .strict();

export type Causation = z.infer<typeof causationSchema>;

/** Facts every stored event carries besides its type and data. */
export interface EventMetadata {
  /** Deterministic id chosen by the writer, so a retried write is recognised. */
  eventId: string;
  streamId: string;
  /** 1-based position of the event inside its stream. */
  version: number;
  /** 1-based position of the event across the whole store. */
  position: number;
  /** ISO-8601 time the store accepted the event. */
  recordedAt: string;
  causation?: Causation;
}
