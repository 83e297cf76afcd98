import { z } from 'zod';
import { conversationIdSchema } from '../chat';
import { call, none } from '../contract-call';
import { caseIdSchema, promptSetSchema } from './prompt-set';
import { runIdSchema, runRecordSchema, runStateSchema, runSummarySchema } from './run-record';

/**
 * The evaluation area of the contract (spread into `calls` in `contract.ts`): prompt sets in
 * `evals/`, runs against chosen versions, saved runs. Progress and cancel go through the job
 * (kind `eval`) that `evals.start` returns.
 */

const familySchema = z.string().trim().min(1, 'must name a model family').max(200);

/** A problem in a prompt-set file, positioned when it has a place in the text (1-based). */
export const promptSetProblemSchema = z.object({
  message: z.string(),
  /** Where in the document: `cases[2].checks[0].matches`; empty for the file as a whole. */
  path: z.string(),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
});
export type PromptSetProblem = z.infer<typeof promptSetProblemSchema>;

export const promptSetFileSchema = z.object({
  family: z.string(),
  /** Workspace-relative: `evals/support-bot.yaml`. */
  path: z.string(),
  text: z.string(),
  /** Of the text on disk: the base for the next save, so an edit made elsewhere is never overwritten. */
  sha256: z.string(),
  /** The parsed set, or null while the file has problems. */
  set: promptSetSchema.nullable(),
  problems: z.array(promptSetProblemSchema),
});
export type PromptSetFile = z.infer<typeof promptSetFileSchema>;

export const promptSetSummarySchema = z.object({
  family: z.string(),
  path: z.string(),
  description: z.string().nullable(),
  /** Null while the file has problems. */
  caseCount: z.number().int().nullable(),
  problemCount: z.number().int(),
  modifiedAt: z.string(),
});
export type PromptSetSummary = z.infer<typeof promptSetSummarySchema>;

export const newPromptSetInputSchema = z.strictObject({
  family: familySchema,
  from: z.discriminatedUnion('kind', [
    /** One example case per check kind, to edit. */
    z.strictObject({ kind: z.literal('template') }),
    /** A case per user turn of these conversations, with the reply given then as a reference. */
    z.strictObject({ kind: z.literal('conversations'), conversationIds: z.array(conversationIdSchema).min(1).max(100) }),
  ]),
});
export type NewPromptSetInput = z.infer<typeof newPromptSetInputSchema>;

export const startEvalInputSchema = z.strictObject({
  family: familySchema,
  /** Versions of the family and base models, in the order to show them (oldest first). */
  models: z.array(z.string().min(1).max(200)).min(1, 'choose at least one model').max(20),
  /** Only these cases (re-running failures); all when absent. */
  caseIds: z.array(caseIdSchema).min(1).max(10_000).optional(),
  /** Grade against rubrics with this model; the set's judge when absent; no grading when null. */
  judge: z.string().min(1).max(200).nullable().optional(),
  rerunOf: runIdSchema.nullable().optional(),
});
export type StartEvalInput = z.infer<typeof startEvalInputSchema>;

export const evalRunChangedSchema = z.object({
  family: z.string(),
  runId: runIdSchema,
  state: runStateSchema,
  /** Results saved so far, out of cases × models. */
  done: z.number().int(),
  total: z.number().int(),
});
export type EvalRunChanged = z.infer<typeof evalRunChangedSchema>;

export const evalCalls = {
  'evals.sets': call({ input: none, output: z.array(promptSetSummarySchema), summary: 'The prompt sets in the workspace (evals/*.yaml)' }),
  'evals.readSet': call({
    input: z.strictObject({ family: familySchema }),
    output: promptSetFileSchema,
    summary: "A family's prompt set: its text, hash, parsed cases and positioned problems",
  }),
  'evals.saveSet': call({
    input: z.strictObject({ family: familySchema, text: z.string().max(8 * 1024 * 1024), baseSha256: z.string().nullable() }),
    output: promptSetFileSchema,
    summary: 'Write a prompt set; refused when the file changed on disk since baseSha256 was read',
  }),
  'evals.newSet': call({
    input: newPromptSetInputSchema,
    output: promptSetFileSchema,
    summary: "Start a family's prompt set from a template or from chat conversations (never over an existing file)",
  }),
  'evals.start': call({
    input: startEvalInputSchema,
    output: z.object({ jobId: z.string(), runId: runIdSchema }),
    summary: 'Run the prompt set against the chosen models; progress and cancel through the returned job',
  }),
  'evals.runs': call({
    input: z.strictObject({ family: familySchema }),
    output: z.array(runSummarySchema),
    summary: "A family's saved runs, newest first",
  }),
  'evals.readRun': call({
    input: z.strictObject({ family: familySchema, runId: runIdSchema }),
    output: runRecordSchema,
    summary: 'One saved run with every output, check and timing',
  }),
} as const;

export const evalEvents = {
  /** A result was saved, or the run ended: re-read it. At most a few a second per run. */
  'evals.runChanged': evalRunChangedSchema,
} as const;
