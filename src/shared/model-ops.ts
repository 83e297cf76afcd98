import { z } from 'zod';
import { ollamaModelNameSchema } from './model-name-schema';
import { quantizeFieldSchema } from './quantize';
import { modelEntrySchema } from './registry';

/**
 * Shapes of the model lifecycle calls (new version, rename, delete, adopt) that the contract
 * refers to; kept here so contract.ts gains only its table entries.
 */

const modelName = z.string().trim().min(1, 'cannot be empty').max(500);
const displayName = z.string().trim().min(1, 'cannot be empty').max(200);
const description = z.string().max(2000).default('');
/** `/api/create`'s `quantize` for the new entry; absent keeps the base's weights as they are. */
const quantize = quantizeFieldSchema.optional();

/** What "New version" proposes for a model; the dialog starts from it. */
export const versionProposalSchema = z.object({
  /** The registry key of the model the version is made from. */
  from: z.string(),
  name: z.string(),
  /** `v3`. */
  version: z.string(),
  /** The source's version number (an unversioned model counts as 1). */
  fromVersion: z.number().int(),
  display_name: z.string(),
  description: z.string(),
  /** What the source is built on: its Modelfile's FROM when that names a model, else its `base_model`. */
  base_model: z.string(),
  /** The source's `quantize`, proposed again (the dialog drops it when the new base cannot be quantized). */
  quantize: z.string().optional(),
  /** The source's Modelfile (workspace-relative), copied for the new version; empty when it has none. */
  sourceModelfile: z.string(),
  sourceModelfileExists: z.boolean(),
  /** Where the copy would be written now (never over an existing file). */
  modelfile: z.string(),
});
export type VersionProposal = z.infer<typeof versionProposalSchema>;

export const newVersionInputSchema = z.strictObject({
  from: z.string().min(1),
  name: modelName,
  display_name: displayName,
  description,
  base_model: z.string().trim().min(1, 'choose a base model').max(500),
  quantize,
});
export type NewVersionInput = z.input<typeof newVersionInputSchema>;

/** An entry added (new version, adopt) with the Modelfile written for it. */
export const addedModelSchema = z.object({
  entry: modelEntrySchema,
  /** The Modelfile written (workspace-relative). */
  modelfile: z.string(),
  /** What the user should know (FROM left unchanged because the file does not parse, …). */
  notes: z.array(z.string()),
});
export type AddedModel = z.infer<typeof addedModelSchema>;

export const renameInputSchema = z.strictObject({ name: z.string().min(1), newName: modelName });

export const RENAME_OLLAMA_OUTCOMES = [
  /** Copied to the new name and the old one deleted. */
  'renamed',
  /** Ollama does not have the model: only the registry changed. */
  'not-in-ollama',
  /** Copied, but deleting the old name failed: Ollama has both. */
  'kept-both',
  /** Only the spelling changed (Ollama names are case-insensitive), or Ollama was not asked. */
  'unchanged',
] as const;

export const renameResultSchema = z.object({
  entry: modelEntrySchema,
  /** The old registry key. */
  from: z.string(),
  ollama: z.enum(RENAME_OLLAMA_OUTCOMES),
  defaultModel: z.string().nullable(),
  notes: z.array(z.string()),
});
export type RenameResult = z.infer<typeof renameResultSchema>;

export const deleteInputSchema = z.strictObject({
  name: z.string().min(1),
  /** Chosen explicitly: true also deletes the model from Ollama. */
  fromOllama: z.boolean(),
  deleteModelfile: z.boolean().default(false),
  /** Required when the model is the default: the new default, or null for none. */
  newDefault: z.string().min(1).nullable().optional(),
  /** Required when the version is released under an alias: the user saw the alias and wants it gone too. */
  removeAliases: z.boolean().default(false),
});
export type DeleteInput = z.input<typeof deleteInputSchema>;

export const deleteResultSchema = z.object({
  name: z.string(),
  ollama: z.enum(['deleted', 'not-in-ollama', 'kept']),
  modelfile: z.enum(['deleted', 'kept', 'not-found']),
  defaultModel: z.string().nullable(),
  notes: z.array(z.string()),
});
export type DeleteResult = z.infer<typeof deleteResultSchema>;

/** What "Adopt" proposes for a model Ollama has and the registry lacks. */
export const adoptionProposalSchema = z.object({
  name: z.string(),
  display_name: z.string(),
  description: z.string(),
  version: z.string(),
  /** From Ollama's `details.parent_model`, else its Modelfile's FROM when that names a model. */
  base_model: z.string(),
  /** Where the Modelfile would be written. */
  modelfile: z.string(),
  /** Ollama's Modelfile for it (`/api/show`), for a preview. */
  ollamaModelfile: z.string(),
});
export type AdoptionProposal = z.infer<typeof adoptionProposalSchema>;

export const adoptInputSchema = z.strictObject({
  name: ollamaModelNameSchema,
  display_name: displayName,
  description,
  version: z.string().trim().max(40).default(''),
  base_model: z.string().trim().max(500).default(''),
});
export type AdoptInput = z.input<typeof adoptInputSchema>;

/** "New model": a fresh entry with a starter Modelfile built FROM the chosen base. */
export const newModelInputSchema = z.strictObject({
  name: modelName,
  display_name: displayName,
  description,
  base_model: z.string().trim().min(1, 'choose a base model').max(500),
  quantize,
});
export type NewModelInput = z.input<typeof newModelInputSchema>;

/** The starter Modelfile of a new model: FROM the base and a system prompt to fill in. */
export function starterModelfile(base: string): string {
  // Triple quotes let the prompt grow over several lines; starting it on the quote's own line
  // keeps a leading newline out of the prompt Ollama gets.
  return `FROM ${base}\n\n# The system prompt: who the model is and how it answers.\nSYSTEM """You are a helpful assistant."""\n`;
}
