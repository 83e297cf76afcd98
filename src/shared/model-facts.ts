import { z } from 'zod';
import { compareOllamaVersions, parseOllamaVersion } from './ollama-version';

/**
 * What a user needs to know about a model before committing memory to it, from what Ollama says
 * of it: `/api/tags` (size, details, and since 0.30.0 `capabilities` and `details.context_length`)
 * and `/api/show` (`model_info`, `capabilities`, `parameters`, `remote_host`). Pure: main gathers
 * the replies (one /api/show per digest, cached), this turns them into facts.
 *
 * Field names and meanings are Ollama's (api/types.go `ListModelResponse`, `ShowResponse`,
 * `ModelDetails`; server/routes.go `GetModelInfo`, ollama/ollama@fb30760996871fa9460115c753afd2c60d4ab0f7).
 */

/** `model_info` as /api/show sends it: GGUF keys to numbers, strings, or arrays (empty unless verbose). */
export const modelInfoSchema = z.record(z.string(), z.unknown());
export type ModelInfo = z.infer<typeof modelInfoSchema>;

/** What facts are made of: the parts of /api/tags and /api/show they read, loose like Ollama's replies. */
export const factsSourceSchema = z.object({
  name: z.string(),
  digest: z.string(),
  /** Bytes on disk, from /api/tags. */
  size: z.number().nonnegative(),
  details: z.looseObject({
    family: z.string().optional(),
    parameter_size: z.string().optional(),
    quantization_level: z.string().optional(),
    context_length: z.number().optional(),
  }),
  /** From /api/tags (0.30.0+) or /api/show; absent on older servers. */
  capabilities: z.array(z.string()).optional(),
  /** From /api/show; null when it could not be asked (Ollama offline). */
  show: z
    .object({
      modelInfo: modelInfoSchema,
      parameters: z.string(),
      capabilities: z.array(z.string()),
      remoteHost: z.string().optional(),
      remoteModel: z.string().optional(),
    })
    .nullable(),
  /** `/api/version`, for the server's default context rule; null when unknown. */
  serverVersion: z.string().nullable(),
});
export type FactsSource = z.infer<typeof factsSourceSchema>;

export const contextSourceSchema = z.enum(['modelfile', 'server-default']);

export const modelFactsSchema = z.object({
  name: z.string(),
  digest: z.string(),
  architecture: z.string().nullable(),
  /** Exact count from `general.parameter_count`, when the server gives it. */
  parameterCount: z.number().nullable(),
  /** As Ollama labels it: "8.0B". */
  parameterSize: z.string().nullable(),
  quantization: z.string().nullable(),
  fileSize: z.number(),
  /** `<arch>.context_length`: what the model was trained for; Ollama never runs it longer. */
  trainedContext: z.number().nullable(),
  context: z.object({
    /** The context it will run with when known: its num_ctx, else the server default when that is fixed. */
    tokens: z.number().nullable(),
    source: contextSourceSchema,
    /** In words, for the page: "8192 (PARAMETER num_ctx in its Modelfile)". */
    explanation: z.string(),
  }),
  capabilities: z.array(z.string()),
  cloud: z.boolean(),
  /** The model behind a cloud name and where it runs. */
  remote: z.object({ host: z.string(), model: z.string().nullable() }).nullable(),
  /** `model_info` as shown, for the memory estimate; empty for cloud models and when show failed. */
  modelInfo: modelInfoSchema,
});
export type ModelFacts = z.infer<typeof modelFactsSchema>;

/** `<arch>.<key>` as a number, when model_info has it as one. */
export function archNumber(info: ModelInfo, key: string): number | null {
  const arch = info['general.architecture'];
  if (typeof arch !== 'string') return null;
  const value = info[`${arch}.${key}`];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * `num_ctx` from /api/show's `parameters` text: one `name value` line per parameter
 * (GetModelInfo writes `%-30s %#v`), so the first word is the name and the rest the value.
 */
export function numCtxParameter(parameters: string): number | null {
  let found: number | null = null;
  for (const line of parameters.split(/\r?\n/)) {
    const match = /^\s*num_ctx\s+"?(\d+)"?\s*$/.exec(line);
    if (match) found = Number(match[1]);
  }
  return found;
}

/**
 * The context Ollama picks when a model sets no num_ctx (and OLLAMA_CONTEXT_LENGTH is unset), by
 * server version: 2048 before 0.6.7; 4096 from 0.6.7 (envconfig/config.go, commit 44b466eeb);
 * since 0.15.5 a tier by total GPU memory: 4096 below 24 GiB, 32768 from 24 GiB, 262144 from
 * 48 GiB (server/routes.go Serve, commit 0334ffa62). The server never reports its choice, so
 * with the tiers the number is stated as a rule. It is capped at the trained context either way
 * (server/sched.go `effectiveContext`).
 */
export function serverDefaultContext(serverVersion: string | null, trainedContext: number | null): { tokens: number | null; explanation: string } {
  const cap = (n: number) => (trainedContext !== null ? Math.min(n, trainedContext) : n);
  const capped = trainedContext !== null ? `, at most its trained ${trainedContext}` : '';
  const override = 'unless the server sets OLLAMA_CONTEXT_LENGTH';
  const parsed = serverVersion ? parseOllamaVersion(serverVersion) : null;
  // 0.0.0 is a build from source: its rule is today's, not a pre-0.6.7 one.
  const devBuild = parsed !== null && parsed.major === 0 && parsed.minor === 0 && parsed.patch === 0;
  if (!parsed || !serverVersion || devBuild) {
    return {
      tokens: null,
      explanation: `server default: 4096 on GPUs under 24 GiB, 32768 up to 48 GiB, 262144 above (Ollama 0.15.5 and later; 4096 before)${capped}, ${override}`,
    };
  }
  if (compareOllamaVersions(serverVersion, '0.6.7') < 0) {
    return { tokens: cap(2048), explanation: `server default: ${cap(2048)} (Ollama ${serverVersion}), ${override}` };
  }
  if (compareOllamaVersions(serverVersion, '0.15.5') < 0) {
    return { tokens: cap(4096), explanation: `server default: ${cap(4096)} (Ollama ${serverVersion}), ${override}` };
  }
  return {
    tokens: null,
    explanation: `server default: 4096 on GPUs under 24 GiB, 32768 up to 48 GiB, 262144 above (Ollama ${serverVersion})${capped}, ${override}`,
  };
}

/** A cloud model: Ollama proxies it to ollama.com; it uses no local memory. */
export function isCloudName(name: string): boolean {
  return /[:-]cloud$/i.test(name);
}

export function modelFacts(source: FactsSource): ModelFacts {
  const info = source.show?.modelInfo ?? {};
  const architecture = typeof info['general.architecture'] === 'string' ? info['general.architecture'] : (source.details.family ?? null);
  const count = info['general.parameter_count'];
  const trainedContext = archNumber(info, 'context_length') ?? source.details.context_length ?? null;
  const numCtx = source.show ? numCtxParameter(source.show.parameters) : null;
  const context =
    numCtx !== null
      ? {
          tokens: trainedContext !== null ? Math.min(numCtx, trainedContext) : numCtx,
          source: 'modelfile' as const,
          explanation:
            trainedContext !== null && numCtx > trainedContext
              ? `${trainedContext}: its Modelfile asks for ${numCtx} (PARAMETER num_ctx), more than it was trained for, so Ollama uses ${trainedContext}`
              : `${numCtx}, from PARAMETER num_ctx in its Modelfile`,
        }
      : { ...serverDefaultContext(source.serverVersion, trainedContext), source: 'server-default' as const };
  const remoteHost = source.show?.remoteHost ?? '';
  const cloud = remoteHost !== '' || isCloudName(source.name);
  return {
    name: source.name,
    digest: source.digest,
    architecture,
    parameterCount: typeof count === 'number' && count > 0 ? count : null,
    parameterSize: source.details.parameter_size || null,
    quantization: source.details.quantization_level || null,
    fileSize: source.size,
    trainedContext,
    context,
    capabilities: [...new Set([...(source.capabilities ?? []), ...(source.show?.capabilities ?? [])])],
    cloud,
    remote: remoteHost ? { host: remoteHost, model: source.show?.remoteModel || null } : null,
    modelInfo: info,
  };
}

/** Compact: "8.0B · Q4_K_M · ctx 8192", skipping what is unknown. */
export function compactFacts(facts: Pick<ModelFacts, 'parameterSize' | 'quantization' | 'context' | 'trainedContext'>): string {
  const parts: string[] = [];
  if (facts.parameterSize) parts.push(facts.parameterSize);
  if (facts.quantization) parts.push(facts.quantization);
  if (facts.context.tokens !== null) parts.push(`ctx ${facts.context.tokens}`);
  else if (facts.trainedContext !== null) parts.push(`ctx ≤ ${facts.trainedContext}`);
  return parts.join(' · ');
}
