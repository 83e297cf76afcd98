import { z } from 'zod';
import { thinkValueSchema, type ThinkValue } from '../think';

/**
 * A prompt set: the test cases of one model family, kept as `evals/<file>.yaml` in the workspace
 * so people read, edit and diff them in git. This schema is the file's format; parsing the YAML
 * (with line and column for every problem) is `prompt-set-parse.ts`.
 *
 *   family: support-bot
 *   cases:
 *     - id: greets
 *       prompt: Say hello to a new customer.
 *       checks:
 *         - contains: hello
 *           ignore_case: true
 *         - max_tokens: 60
 */

/** Case ids name rows in results and CLI output, so they stay short and shell-safe. */
export const caseIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1–64 letters, digits, dots, dashes or underscores, starting with a letter or digit');

/** Ollama's `think`: a bool, or a level for models that take one (see shared/think). */
export const thinkSchema = thinkValueSchema;
export type Think = ThinkValue;

/** The options a case may fix. Runs default to temperature 0, a fixed seed and `think: false`. */
export const caseOptionsSchema = z.strictObject({
  temperature: z.number().min(0).max(2).optional(),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  num_ctx: z.number().int().min(256).max(1_048_576).optional(),
  num_predict: z.number().int().min(-2).max(1_048_576).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.number().int().min(0).max(100_000).optional(),
  think: thinkSchema.optional(),
});
export type CaseOptions = z.infer<typeof caseOptionsSchema>;

export const turnSchema = z.strictObject({
  role: z.enum(['user', 'assistant']),
  content: z.string().max(200_000),
});
export type Turn = z.infer<typeof turnSchema>;

const text = z.string().min(1, 'must not be empty').max(10_000);

/**
 * One deterministic check on an output. Each is a one-key map in the file (`- contains: hello`),
 * with a few optional modifiers beside the key.
 */
export const checkSchema = z.union([
  z.strictObject({ contains: text, ignore_case: z.boolean().optional() }),
  z.strictObject({ not_contains: text, ignore_case: z.boolean().optional() }),
  /** A JavaScript regular expression; `flags` such as `i`, `m`, `s`, `u`. */
  z.strictObject({ matches: text, flags: z.string().regex(/^[imsu]*$/, 'may only hold the flags i, m, s and u').optional() }),
  z.strictObject({ valid_json: z.literal(true) }),
  /** A JSON Schema (draft 2020-12) the output, parsed as JSON, must satisfy. */
  z.strictObject({ json_schema: z.record(z.string(), z.unknown()) }),
  /** At most this many output tokens (Ollama's eval_count). */
  z.strictObject({ max_tokens: z.number().int().min(1).max(1_048_576) }),
  /** Answered in full within this many seconds. */
  z.strictObject({ max_seconds: z.number().positive().max(86_400) }),
]);
export type Check = z.infer<typeof checkSchema>;

export const CHECK_KINDS = ['contains', 'not_contains', 'matches', 'valid_json', 'json_schema', 'max_tokens', 'max_seconds'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

export const promptCaseSchema = z.strictObject({
  id: caseIdSchema,
  /** Shown in results instead of the id when given. */
  title: z.string().max(200).optional(),
  /** The user's message. */
  prompt: z.string().min(1, 'must not be empty').max(200_000),
  /** Replaces the model's SYSTEM for this case only. */
  system: z.string().max(200_000).optional(),
  /** Earlier turns sent before the prompt, oldest first. */
  history: z.array(turnSchema).max(200).optional(),
  options: caseOptionsSchema.optional(),
  checks: z.array(checkSchema).max(50).default([]),
  /** What a judge model grades the output against; graded apart from the checks. */
  rubric: z.string().min(1).max(20_000).optional(),
});
export type PromptCase = z.infer<typeof promptCaseSchema>;

export const promptSetSchema = z
  .strictObject({
    /** The family the set tests: a model name without `-vN` (`support-bot`, `team/bot`). */
    family: z.string().min(1).max(200),
    description: z.string().max(5_000).optional(),
    /** Options every case starts from (a case's own options win). */
    options: caseOptionsSchema.optional(),
    /** The judge model used when a run asks for grading and names none. */
    judge: z.string().min(1).max(200).optional(),
    cases: z.array(promptCaseSchema).min(1, 'needs at least one case').max(10_000),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.cases.forEach((c, index) => {
      const key = c.id.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['cases', index, 'id'], message: `repeats the case id "${c.id}"; each case needs its own id` });
      seen.add(key);
    });
  });
export type PromptSet = z.infer<typeof promptSetSchema>;

/** The options every run sends unless the set or the case says otherwise: reproducible output. */
export const RUN_DEFAULT_OPTIONS = { temperature: 0, seed: 42, think: false } as const satisfies CaseOptions;

/** Where a family's prompt set lives, relative to the workspace: `evals/<slug>.yaml`. */
export const EVALS_DIR = 'evals';
export const RUNS_DIR = 'evals/runs';

/** A family name as a file name: lower case, anything but letters, digits, `.`, `-` and `_` → `_`. */
export function familySlug(family: string): string {
  const slug = family
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '_')
    .replace(/^[._-]+/, '');
  return slug.slice(0, 120) || 'family';
}

export function promptSetPath(family: string): string {
  return `${EVALS_DIR}/${familySlug(family)}.yaml`;
}
