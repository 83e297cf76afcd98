import { ERROR_KINDS } from './errors';
import { z } from 'zod';

/**
 * Long work (create, pull, delete, blob upload) runs as jobs. A job keeps the steps Ollama
 * reported, the current progress with totals when Ollama gives them, and how it ended.
 */

/**
 * `apply`: a plan run over one or more hosts; its creates, pulls, preloads and removes (`delete`)
 * are jobs of their own. `preload`: loading a model into a host's memory.
 */
export const JOB_KINDS = ['create', 'pull', 'delete', 'upload', 'eval', 'apply', 'preload'] as const;
export const jobKindSchema = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof jobKindSchema>;

export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
export const jobStateSchema = z.enum(JOB_STATES);
export type JobState = z.infer<typeof jobStateSchema>;

export function isFinished(state: JobState): boolean {
  return state === 'succeeded' || state === 'failed' || state === 'cancelled' || state === 'interrupted';
}

/** One status line as Ollama reported it; lines with a digest are transfers (shown as bars). */
export const jobStepSchema = z.object({
  status: z.string(),
  digest: z.string().nullable(),
  total: z.number().nullable(),
  completed: z.number().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
});
export type JobStep = z.infer<typeof jobStepSchema>;

/** The step in progress, with figures a bar needs when Ollama gives totals. */
export const jobProgressSchema = z.object({
  status: z.string(),
  digest: z.string().nullable(),
  total: z.number().nullable(),
  completed: z.number().nullable(),
  /** 0–100 when there is a total. */
  percent: z.number().nullable(),
  bytesPerSecond: z.number().nullable(),
  etaSeconds: z.number().nullable(),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;

export const jobSchema = z.object({
  id: z.string(),
  kind: jobKindSchema,
  /** The model the job is about (created, pulled, deleted). */
  target: z.string(),
  /** The host it runs on, by name; absent or null: the primary. */
  host: z.string().nullable().optional(),
  state: jobStateSchema,
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  steps: z.array(jobStepSchema),
  progress: jobProgressSchema.nullable(),
  /** Ollama's message in full when the job failed; the reason when interrupted. */
  error: z.string().nullable(),
  /**
   * What kind of failure it was (`not_found`: nothing to resume or retry). Optional: jobs saved
   * before it existed have none.
   */
  errorKind: z.enum(ERROR_KINDS).nullable().optional(),
  /** Plain-text log lines (what happened, in order), kept with the job's history. */
  log: z.array(z.string()),
  /**
   * While running: seconds Ollama has sent nothing (shown as "no answer from Ollama for N s"
   * after a few); absent or null while it answers. The job fails as stalled at the stall limit.
   */
  waitingSeconds: z.number().nullable().optional(),
});
export type Job = z.infer<typeof jobSchema>;
