import { z } from 'zod';
import { ERROR_KINDS } from '../errors';
import { caseIdSchema, caseOptionsSchema, CHECK_KINDS, thinkSchema } from './prompt-set';

/**
 * An evaluation run as saved in `evals/runs/<family slug>/<run id>.json`. The file alone says what
 * produced every output: the Ollama server and its version, each model's digest and the Modelfile
 * it was built from, the prompt set's hash, and the exact request of every case. A run file is
 * created once and only its own run ever rewrites it (while it runs); a new run is a new file.
 */

export const RUN_FORMAT = 1;

/** `2026-12-03T13-45-12-123Z-3f9a`: sortable by time, unique, safe as a file name. */
export const runIdSchema = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-[0-9a-f]{4,8}$/, 'is not a run id');
export type RunId = z.infer<typeof runIdSchema>;

export const runModelSchema = z.object({
  /** The name sent to Ollama. */
  name: z.string(),
  /** `version`: a registered model of the family; `base`: a base model, to see what the Modelfile adds. */
  role: z.enum(['version', 'base']),
  /** The N of `-vN`, when the name has one. */
  version: z.number().int().nullable(),
  /** The model's digest in Ollama when the run started (`/api/tags`); null when Ollama did not list it. */
  digest: z.string().nullable(),
  /** The Modelfile the registry says builds it (workspace-relative), or null for base models. */
  modelfile: z.string().nullable(),
  /** sha256 of the Modelfile the model was last built from (the registry's build record). */
  builtFromSha256: z.string().nullable(),
  /** sha256 of that Modelfile on disk when the run started: differs from the above when edited since. */
  modelfileSha256: z.string().nullable(),
});
export type RunModel = z.infer<typeof runModelSchema>;

export const checkVerdictSchema = z.object({
  kind: z.enum(CHECK_KINDS),
  /** The check in words: `contains "hello" (any case)`. */
  label: z.string(),
  passed: z.boolean(),
  /** Why it failed (or what it found), in words. */
  detail: z.string().nullable(),
});
export type CheckVerdict = z.infer<typeof checkVerdictSchema>;

/** A judge's grade: apart from the checks, never folded into `passed`. */
export const gradeSchema = z.object({
  judge: z.string(),
  /** 1–5 as the judge answered. */
  score: z.number().min(1).max(5).nullable(),
  pass: z.boolean().nullable(),
  reason: z.string(),
  /** The judge could not grade (it failed, or its answer did not parse): why. */
  error: z.string().nullable(),
});
export type Grade = z.infer<typeof gradeSchema>;

export const runResultSchema = z.object({
  caseId: caseIdSchema,
  model: z.string(),
  /** Exactly what was sent, so the output can be reproduced. */
  request: z.object({
    messages: z.array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() })),
    options: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])),
    think: thinkSchema,
  }),
  output: z.string(),
  /** The model's thinking, when it thought. */
  thinking: z.string().nullable(),
  /** The case could not be answered (Ollama failed): what happened. The case counts as failed. */
  error: z.object({ kind: z.enum(ERROR_KINDS), message: z.string() }).nullable(),
  doneReason: z.string().nullable(),
  promptTokens: z.number().int().nullable(),
  outputTokens: z.number().int().nullable(),
  /** From sending the request to the first content (or thinking) token. */
  timeToFirstTokenMs: z.number().nullable(),
  tokensPerSecond: z.number().nullable(),
  totalMs: z.number(),
  checks: z.array(checkVerdictSchema),
  /** Every check passed and no error. */
  passed: z.boolean(),
  grade: gradeSchema.nullable(),
  finishedAt: z.string(),
});
export type RunResult = z.infer<typeof runResultSchema>;

export const RUN_STATES = ['running', 'completed', 'cancelled', 'failed', 'interrupted'] as const;
export const runStateSchema = z.enum(RUN_STATES);
export type RunState = z.infer<typeof runStateSchema>;

export const runRecordSchema = z.object({
  format: z.literal(RUN_FORMAT),
  id: runIdSchema,
  family: z.string(),
  state: runStateSchema,
  /** Why the run failed or was interrupted. */
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** The app that ran it (name and version). */
  app: z.string(),
  ollama: z.object({ host: z.string(), version: z.string().nullable() }),
  promptSet: z.object({ path: z.string(), sha256: z.string() }),
  /** Options the set gave every case, after the run's defaults (temperature 0, seed 42, no thinking). */
  options: caseOptionsSchema,
  /** The cases as they were when the run started, so the file alone explains every result. */
  cases: z.array(z.object({ id: caseIdSchema, title: z.string().nullable(), prompt: z.string(), rubric: z.string().nullable() })),
  models: z.array(runModelSchema).min(1),
  judge: z.object({ name: z.string(), digest: z.string().nullable() }).nullable(),
  /** Set when this run re-ran some cases of an earlier run (its failures). */
  rerunOf: runIdSchema.nullable(),
  /** One per case and model that finished, in the order they finished. */
  results: z.array(runResultSchema),
});
export type RunRecord = z.infer<typeof runRecordSchema>;

/** What the runs list shows without loading every output. */
export const runSummarySchema = z.object({
  id: runIdSchema,
  family: z.string(),
  state: runStateSchema,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  ollamaVersion: z.string().nullable(),
  rerunOf: runIdSchema.nullable(),
  caseCount: z.number().int(),
  models: z.array(z.object({ name: z.string(), passed: z.number().int(), failed: z.number().int() })),
});
export type RunSummary = z.infer<typeof runSummarySchema>;
