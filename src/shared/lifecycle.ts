import { z } from 'zod';

/**
 * Shapes of the lifecycle calls and events (base models, running models, import and export) that
 * the contract refers to; kept here so contract.ts gains only its table entries.
 */

export const newBaseModelSchema = z.strictObject({
  name: z.string().trim().min(1, 'cannot be empty').max(500),
  display_name: z.string().trim().max(200).default(''),
  description: z.string().trim().max(2000).default(''),
});
export type NewBaseModel = z.input<typeof newBaseModelSchema>;

/** What happened when a model was preloaded (at start, after a create, or by hand). */
export const preloadOutcomeSchema = z.object({
  id: z.string(),
  model: z.string(),
  trigger: z.enum(['startup', 'create']),
  /** `skipped`: Ollama does not have the model (not built yet), so there was nothing to load. */
  state: z.enum(['loaded', 'failed', 'skipped']),
  /** Why it failed or was skipped, in words a user can act on. */
  reason: z.string().nullable(),
  at: z.string(),
});
export type PreloadOutcome = z.infer<typeof preloadOutcomeSchema>;

export const EXPORT_FORMATS = ['json', 'zip'] as const;

/** A file for the renderer to save: text as is, or bytes as base64 (the zip). */
export const registryExportSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  data: z.string(),
  /** Size of the file once decoded. */
  bytes: z.number().int(),
  /** Modelfile paths put in the zip, and those left out with why (empty for JSON). */
  modelfiles: z.object({
    included: z.array(z.string()),
    skipped: z.array(z.object({ path: z.string(), reason: z.string() })),
  }),
});
export type RegistryExport = z.infer<typeof registryExportSchema>;

/** At most this much registry text is accepted for an import (a registry of thousands of models is well under it). */
export const MAX_IMPORT_CHARS = 20_000_000;

export const importFileSchema = z.strictObject({
  content: z.string().max(MAX_IMPORT_CHARS, 'the file is too large for a registry'),
  fileName: z.string().max(500).default('model_settings.json'),
});
