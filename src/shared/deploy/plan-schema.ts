import { z } from 'zod';
import { jobSchema } from '../jobs';

/**
 * The shapes of "where each model is" (the hosts view's matrix) and of a deployment plan (what
 * `apply` would do, per host). The decisions are pure functions over plain data in this folder;
 * the services only gather the hosts' listings and carry out the actions.
 */

/**
 * A registry model's state on one host.
 * - available: on the host, built from the create request the registry would send now;
 * - outdated: on the host, built from an older request (the Modelfile, base or files changed);
 * - unverified: on the host under that name, but not recorded as built there by Modelwright
 *   (or changed since): `apply` rebuilds it;
 * - missing: not on the host;
 * - queued / building: a deploy job is waiting or running for it there;
 * - failed: the last deploy there failed (the detail says why);
 * - blocked: cannot be built (its Modelfile has problems, or it has none);
 * - offline: the host does not answer, so nothing is known (never read as missing).
 */
export const CELL_STATES = ['available', 'outdated', 'unverified', 'missing', 'queued', 'building', 'failed', 'blocked', 'offline'] as const;
export const cellStateSchema = z.enum(CELL_STATES);
export type CellState = z.infer<typeof cellStateSchema>;

export const cellSchema = z.object({
  state: cellStateSchema,
  /** The host's digest for the model, when it has it. */
  digest: z.string().nullable(),
  /** When Modelwright last built it there. */
  deployedAt: z.string().nullable(),
  /** The deploy job while queued or building (or the last failed one). */
  jobId: z.string().nullable(),
  /** 0–100 while building, when the job reports totals. */
  percent: z.number().nullable(),
  /** One sentence for the tooltip: why outdated, why failed, why blocked. */
  detail: z.string().nullable(),
});
export type Cell = z.infer<typeof cellSchema>;

export const matrixHostSchema = z.object({
  name: z.string(),
  primary: z.boolean(),
  status: z.enum(['unknown', 'online', 'offline', 'error']),
  /** Why it is not online, and what to do. */
  message: z.string().nullable(),
  checkedAt: z.string().nullable(),
});

export const matrixRowSchema = z.object({
  name: z.string(),
  /** host name → cell. */
  cells: z.record(z.string(), cellSchema),
});
export type MatrixRow = z.infer<typeof matrixRowSchema>;

export const matrixSchema = z.object({
  hosts: z.array(matrixHostSchema),
  /** Registry models, in the registry's order. */
  models: z.array(matrixRowSchema),
  /** Base models (pulled, never built): available / missing / queued / building / offline only. */
  baseModels: z.array(matrixRowSchema),
});
export type Matrix = z.infer<typeof matrixSchema>;

// ---------- plan ----------

export const planActionSchema = z.discriminatedUnion('kind', [
  /** Pull a base model the host lacks (before any create that needs it). */
  z.object({ kind: z.literal('pull'), model: z.string(), reason: z.string() }),
  z.object({
    kind: z.literal('create'),
    model: z.string(),
    reason: z.enum(['missing', 'outdated', 'unverified']),
    /** Of the /api/create body that will be sent (the same on every host). */
    requestSha256: z.string(),
  }),
  /** Load an `auto_preload` model that is not loaded on the host. */
  z.object({ kind: z.literal('preload'), model: z.string() }),
  /** Only with prune: a model the registry owns on the host (recorded there) but no longer lists. */
  z.object({ kind: z.literal('remove'), model: z.string() }),
]);
export type PlanAction = z.infer<typeof planActionSchema>;

export const hostPlanSchema = z.object({
  host: z.string(),
  primary: z.boolean(),
  online: z.boolean(),
  /** Why the host was left out (offline, …); its actions are then empty. */
  message: z.string().nullable(),
  /** In the order apply runs them: pulls, creates, preloads, removes. */
  actions: z.array(planActionSchema),
  /** Models apply will not touch there, and why (a Modelfile with problems, …). */
  skipped: z.array(z.object({ model: z.string(), reason: z.string() })),
});
export type HostPlan = z.infer<typeof hostPlanSchema>;

export const planSchema = z.object({
  createdAt: z.string(),
  prune: z.boolean(),
  hosts: z.array(hostPlanSchema),
  /** Actions over all hosts: 0 means every host matches the registry. */
  changes: z.number().int(),
});
export type Plan = z.infer<typeof planSchema>;

export const applyResultSchema = z.object({
  /** The plan being applied (computed afresh when apply starts). */
  plan: planSchema,
  /** The job that runs it (kind `apply`); null when there was nothing to do. */
  job: jobSchema.nullable(),
});
export type ApplyResult = z.infer<typeof applyResultSchema>;
