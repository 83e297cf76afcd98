import { z } from 'zod';
import { hasOwnKey } from './own-key';
import { deploymentsSchema } from './deploy/deployments';
import { ownRecordSchema } from './own-record-schema';
import { aliasesSchema } from './release/alias-schema';
import { modelNameProblem } from './model-name';
import { quantizeFieldSchema } from './quantize';

/**
 * The registry file (`<workspace>/model_settings.json`) in the seed's format: snake_case keys,
 * and every key the schema does not know (the seed's `is_jamie_model`, anything a user added)
 * survives every write, hence loose objects throughout.
 */

export const MODEL_STATUSES = ['pending', 'creating', 'available', 'missing', 'failed'] as const;
export const modelStatusSchema = z.enum(MODEL_STATUSES);
export type ModelStatus = z.infer<typeof modelStatusSchema>;

/** What the last successful build was made from, so the app can tell when a model is out of date. */
export const buildProvenanceSchema = z.looseObject({
  modelfile_sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 hex digest'),
  digest: z.string(),
  base_model: z.string().optional(),
  base_digest: z.string().optional(),
  /** The `quantize` the build was asked for; absent when none. */
  quantize: z.string().optional(),
  built_at: z.string(),
});
export type BuildProvenance = z.infer<typeof buildProvenanceSchema>;

export const modelEntrySchema = z.looseObject({
  name: z.string().min(1),
  display_name: z.string(),
  description: z.string().default(''),
  version: z.string().default(''),
  base_model: z.string().default(''),
  modelfile: z.string().default(''),
  show_in_ui: z.boolean().default(true),
  auto_preload: z.boolean().default(false),
  created_at: z.string().optional(),
  last_updated: z.string().optional(),
  status: modelStatusSchema.default('pending'),
  /** Ollama's message when the last create failed. */
  failure_reason: z.string().optional(),
  build: buildProvenanceSchema.optional(),
  /**
   * `/api/create`'s `quantize` (Ollama's Modelfile has no instruction for it). Checked at create,
   * not here, so one bad value does not make the whole file read-only.
   */
  quantize: z.string().optional(),
});
export type ModelEntry = z.infer<typeof modelEntrySchema>;

export const BASE_MODEL_STATUSES = ['available', 'missing', 'pending'] as const;
export const baseModelEntrySchema = z.looseObject({
  display_name: z.string().default(''),
  description: z.string().default(''),
  /** Human size as the seed writes it ("4.7 GB"), refreshed from Ollama's bytes by sync. */
  size: z.string().optional(),
  status: z.enum(BASE_MODEL_STATUSES).default('pending'),
});
export type BaseModelEntry = z.infer<typeof baseModelEntrySchema>;

export const registrySchema = z
  .looseObject({
    default_model: z.string().nullable().default(null),
    models: ownRecordSchema(modelEntrySchema).default({}),
    base_models: ownRecordSchema(baseModelEntrySchema).default({}),
    last_updated: z.string().optional(),
    /** What Modelwright built on each host (see `deploy/deployments.ts`); absent until a first deploy. */
    deployments: deploymentsSchema.optional(),
    /** Released names → the version each points at (see `release/alias-schema.ts`); absent until a first release. */
    aliases: aliasesSchema.optional(),
  })
  .superRefine((registry, ctx) => {
    for (const [key, entry] of Object.entries(registry.models)) {
      if (entry.name !== key) {
        ctx.addIssue({
          code: 'custom',
          path: ['models', key, 'name'],
          message: `must equal its key "${key}" (found "${entry.name}")`,
        });
      }
    }
    for (const alias of Object.keys(registry.aliases ?? {})) {
      const problem = modelNameProblem(alias);
      if (problem) ctx.addIssue({ code: 'custom', path: ['aliases', alias], message: `is not a valid Ollama model name: ${problem}` });
    }
    const def = registry.default_model;
    if (def !== null && def !== '' && !hasOwnKey(registry.models, def)) {
      ctx.addIssue({
        code: 'custom',
        path: ['default_model'],
        message: `names "${def}", which is not one of the models`,
      });
    }
  });
export type Registry = z.infer<typeof registrySchema>;

const PROTO = '__proto__';

/** zod leaves out a key named `__proto__` (safely); in the registry file it is data, so it is put back. */
function withProtoKey(out: unknown, input: unknown, value: (raw: unknown) => unknown = (raw) => raw): void {
  if (!isRecord(out) || !isRecord(input) || !Object.hasOwn(input, PROTO)) return;
  Object.defineProperty(out, PROTO, { value: value(input[PROTO]), enumerable: true, writable: true, configurable: true });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function restoreEntryProtoKeys(out: unknown, input: unknown): void {
  withProtoKey(out, input);
  if (isRecord(out) && isRecord(input)) withProtoKey(out.build, input.build);
}

/**
 * `registrySchema.safeParse` that keeps keys named `__proto__` as data: at the top, in an entry,
 * and as a model or base model of that name (validated like any other entry).
 */
export function parseRegistry(input: unknown): { success: true; data: Registry } | { success: false; error: z.ZodError } {
  const result = registrySchema.safeParse(input);
  if (!result.success || !isRecord(input)) return result;
  const issues: z.core.$ZodIssue[] = [];
  const out = result.data;
  withProtoKey(out, input);
  for (const [field, schema] of [
    ['models', modelEntrySchema],
    ['base_models', baseModelEntrySchema],
  ] as const) {
    const entries = input[field];
    if (!isRecord(entries)) continue;
    withProtoKey(out[field], entries, (raw) => {
      const entry = schema.safeParse(raw);
      if (!entry.success) {
        issues.push(...entry.error.issues.map((issue) => ({ ...issue, path: [field, PROTO, ...issue.path] })));
        return raw;
      }
      if (field === 'models' && (entry.data as ModelEntry).name !== PROTO) {
        issues.push({ code: 'custom', input: raw, path: [field, PROTO, 'name'], message: `must equal its key "${PROTO}"` });
      }
      return entry.data;
    });
    for (const key of Object.keys(entries)) restoreEntryProtoKeys((out[field] as Record<string, unknown>)[key], entries[key]);
  }
  return issues.length > 0 ? { success: false, error: new z.ZodError(issues) } : { success: true, data: out };
}

/** Fields a user may change on an entry; `name` changes go through a rename, status through sync and jobs. */
export const modelPatchSchema = z
  .looseObject({
    display_name: z.string().min(1, 'cannot be empty').max(200),
    description: z.string().max(2000),
    version: z.string().max(40),
    base_model: z.string(),
    modelfile: z.string().min(1),
    show_in_ui: z.boolean(),
    auto_preload: z.boolean(),
    /** One of Ollama's quantize types; empty for none. */
    quantize: z.union([z.literal(''), quantizeFieldSchema]),
  })
  .partial()
  .superRefine((patch, ctx) => {
    for (const key of ['name', 'status', 'created_at', 'last_updated', 'build', 'failure_reason']) {
      if (hasOwnKey(patch, key)) ctx.addIssue({ code: 'custom', path: [key], message: 'cannot be changed by an update' });
    }
  });
export type ModelPatch = z.infer<typeof modelPatchSchema>;

/** A new entry as `POST /admin/models/add` and "New model" take it: status and times are filled in. */
export const newModelSchema = z.looseObject({
  name: z.string().min(1),
  display_name: z.string().min(1, 'cannot be empty'),
  description: z.string().default(''),
  version: z.string().default(''),
  base_model: z.string().default(''),
  modelfile: z.string().min(1, 'cannot be empty'),
  show_in_ui: z.boolean().default(true),
  auto_preload: z.boolean().default(false),
  status: modelStatusSchema.optional(),
  created_at: z.string().optional(),
  last_updated: z.string().optional(),
});
export type NewModel = z.infer<typeof newModelSchema>;

/** The seed writes Python's `datetime.isoformat()` (no zone); the app writes ISO 8601 in UTC. */
export function timestamp(now: Date = new Date()): string {
  return now.toISOString();
}

export function emptyRegistry(): Registry {
  return { default_model: null, models: {}, base_models: {}, last_updated: timestamp() };
}
