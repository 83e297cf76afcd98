import { z } from 'zod';
import { modelDetailsSchema, type OllamaModel, type RunningModel, type ShowResult } from '../../shared/contract';
import { formatIssuePath } from '../../shared/errors';
import { unexpectedReplyError } from './errors';

/**
 * Ollama's replies, checked at the boundary. Loose where Ollama is: extra fields are fine (Ollama
 * adds fields in every release) and fields Go marks `omitempty` may be missing. Strict where it is
 * not: a missing or null required field is an error that names the endpoint and the field, never
 * an empty default. (`{"models": null}` is not "no models": Ollama builds those lists from `[]`,
 * so a null there is a broken server, and taking it as empty would mark every model missing.)
 */

/** A Go struct (never null); omitted only by servers older than the field. */
const details = modelDetailsSchema.optional().transform((d) => d ?? {});
const list = <T extends z.ZodType>(item: T) => z.array(item);

export const versionReplySchema = z.looseObject({ version: z.string() });

export const tagsReplySchema = z.looseObject({
  models: list(
    z.looseObject({
      name: z.string(),
      modified_at: z.string(),
      size: z.number(),
      digest: z.string(),
      details,
      // 0.30.0+; `omitempty`.
      capabilities: z.array(z.string()).optional(),
    }),
  ),
});

export const psReplySchema = z.looseObject({
  models: list(
    z.looseObject({
      name: z.string(),
      size: z.number(),
      digest: z.string(),
      expires_at: z.string(),
      size_vram: z.number().optional().default(0),
      // 0.10.0+: the context the model was loaded with.
      context_length: z.number().optional(),
      details,
    }),
  ),
});

/** A load or unload answer: `done_reason` says which ("load", "unload"); nothing else is needed. */
export const loadReplySchema = z.looseObject({ done: z.boolean().optional(), done_reason: z.string().optional() });

/** The npm client resolves a delete with its own `{status: 'success'}` (Ollama's body is empty). */
export const deleteReplySchema = z.unknown();

const omitEmptyString = z.string().optional().default('');

export const showReplySchema = z.looseObject({
  modelfile: omitEmptyString,
  parameters: omitEmptyString,
  template: omitEmptyString,
  system: omitEmptyString,
  license: omitEmptyString,
  details,
  // `omitempty`: absent when empty, never null.
  capabilities: z
    .array(z.string())
    .optional()
    .transform((c) => c ?? []),
  // GGUF keys to values (arrays longer than five sent empty unless `verbose`); empty for cloud models.
  model_info: z.record(z.string(), z.unknown()).optional(),
  // Cloud models (0.14.3+): where Ollama proxies them.
  remote_host: z.string().optional(),
  remote_model: z.string().optional(),
});

export function parseReply<T extends z.ZodType>(endpoint: string, schema: T, reply: unknown): z.output<T> {
  const result = schema.safeParse(reply);
  if (result.success) return result.data;
  const detail = result.error.issues
    .slice(0, 3)
    .map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`)
    .join('; ');
  throw unexpectedReplyError(endpoint, detail);
}

export function toOllamaModels(reply: z.output<typeof tagsReplySchema>): OllamaModel[] {
  return reply.models.map((m) => ({
    name: m.name,
    size: m.size,
    digest: m.digest,
    modifiedAt: m.modified_at,
    details: m.details,
    ...(m.capabilities ? { capabilities: m.capabilities } : {}),
  }));
}

export function toRunningModels(reply: z.output<typeof psReplySchema>): RunningModel[] {
  return reply.models.map((m) => ({
    name: m.name,
    size: m.size,
    sizeVram: m.size_vram,
    digest: m.digest,
    expiresAt: m.expires_at,
    ...(m.context_length ? { contextLength: m.context_length } : {}),
  }));
}

export function toShowResult(reply: z.output<typeof showReplySchema>): ShowResult {
  return {
    modelfile: reply.modelfile,
    parameters: reply.parameters,
    template: reply.template,
    system: reply.system,
    license: reply.license,
    details: reply.details,
    capabilities: reply.capabilities,
    modelInfo: reply.model_info ?? {},
    ...(reply.remote_host ? { remoteHost: reply.remote_host } : {}),
    ...(reply.remote_model ? { remoteModel: reply.remote_model } : {}),
  };
}
