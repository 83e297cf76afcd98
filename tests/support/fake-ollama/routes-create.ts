import { isValidModelName } from '../../../src/shared/model-name';
import { displayShortest } from './shortest-name';
import type { Exchange, FakeContext } from './exchange';
import { bindJson, str } from './go-json';
import { sendError } from './http-io';
import { rewriteLayer, weightsFromFiles, type WeightLayer } from './create-weights';
import { MEDIA_TYPES, layersOf, type FakeLayer, type FakeMessage, type FakeModel } from './model-store';
import { progress, pullItems } from './routes-pull';
import { StreamFailure, respond, type StreamItem } from './stream-response';
import { templateProblem } from './template-check';

/**
 * POST /api/create with today's fields (server/create.go CreateHandler and createModel). The
 * removed `modelfile`/`path` fields are ignored like any unknown field, so a request with only
 * them fails with "neither 'from' or 'files' was specified". Errors keep Ollama's statuses: the
 * ones with a status are 400, the rest 500, and any error after the first line is a last line.
 */

const QUANT_TYPES: Record<string, string> = { F32: 'F32', F16: 'F16', Q8_0: 'Q8_0', Q4_K_S: 'Q4_K_S', Q4_K_M: 'Q4_K_M', Q4_K: 'Q4_K_M', BF16: 'BF16' };
const QUANT_SIZE_RATIO: Record<string, number> = { F32: 2, F16: 1, BF16: 1, Q8_0: 0.53, Q4_K_S: 0.3, Q4_K_M: 0.31 };

/** Go's io/fs.ValidPath. */
function validPath(path: string): boolean {
  if (path === '.') return true;
  if (path === '' || path.startsWith('/') || path.endsWith('/')) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

function licensesOf(value: unknown): string[] | StreamFailure {
  if (value === undefined) return [];
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (!Array.isArray(value)) return new StreamFailure(`json: cannot unmarshal ${typeof value === 'object' ? 'object' : typeof value} into Go value of type []string`);
  for (const item of value) {
    if (typeof item !== 'string') return new StreamFailure(`json: cannot unmarshal ${typeof item} into Go value of type string`);
  }
  return value as string[];
}

async function* createItems(ctx: FakeContext, body: Record<string, unknown>, sent: unknown, name: string, signal: AbortSignal): AsyncGenerator<StreamItem> {
  const from = str(body, 'from');
  const files = body.files as Record<string, string> | undefined;
  const adapters = body.adapters as Record<string, string> | undefined;

  let base: FakeModel | undefined;
  let weights: WeightLayer[];
  if (from !== '') {
    const fromName = from.trim();
    if (fromName === '' || !isValidModelName(fromName)) {
      yield new StreamFailure('invalid model name', 400);
      return;
    }
    base = ctx.store.get(fromName);
    if (!base) {
      // parseFromModel pulls a missing base; its progress (and its `success`) is part of this stream.
      const pulled = yield* pullItems(ctx, fromName, signal);
      if (!pulled) return;
      base = ctx.store.get(fromName);
      if (!base) return;
    }
    weights = base.weights.map((layer) => ({ layer, rewrite: false }));
  } else if (files !== undefined) {
    const fromFiles = yield* weightsFromFiles(ctx, files, false);
    if (!fromFiles) return;
    weights = fromFiles;
  } else {
    yield new StreamFailure("neither 'from' or 'files' was specified", 400);
    return;
  }

  if (adapters !== undefined) {
    const adapterLayers = yield* weightsFromFiles(ctx, adapters, true);
    if (!adapterLayers) return;
    weights.push(...adapterLayers);
  }

  // createModel: quantize or validate the weights.
  const quantize = (str(body, 'quantize') || str(body, 'quantization')).toUpperCase();
  let quantization = base?.quantizationLevel ?? 'F16';
  const finalWeights: FakeLayer[] = [];
  for (const { layer, rewrite } of weights) {
    let current: FakeLayer | null = layer;
    let rewritten = false;
    if (layer.mediaType === MEDIA_TYPES.model && quantize !== '') {
      const want = QUANT_TYPES[quantize];
      if (!want) {
        yield new StreamFailure(`unsupported quantization type ${quantize} - supported types are F32, F16, Q4_K_S, Q4_K_M, Q8_0`);
        return;
      }
      if (!['F16', 'BF16', 'F32'].includes(quantization)) {
        yield new StreamFailure('quantization is only supported for F16, BF16 and F32 models');
        return;
      }
      if (want !== quantization) {
        const ratio = (QUANT_SIZE_RATIO[want] ?? 1) / (QUANT_SIZE_RATIO[quantization] ?? 1);
        current = yield* rewriteLayer(ctx, layer, `quantizing ${quantization} model to ${quantize}`, layer.size * ratio, signal);
        if (!current) return;
        quantization = want;
        rewritten = true;
      }
    }
    if (!rewritten && rewrite && layer.mediaType === MEDIA_TYPES.model) {
      current = yield* rewriteLayer(ctx, layer, 'validating GGUF model', layer.size, signal);
      if (!current) return;
    }
    finalWeights.push(current);
  }

  const template = str(body, 'template');
  if (template !== '') {
    const problem = templateProblem(template);
    if (problem) {
      yield new StreamFailure(`template error: ${problem}`, 400);
      return;
    }
  }
  const licenses = licensesOf(body.license);
  if (licenses instanceof StreamFailure) {
    yield licenses;
    return;
  }
  const requestMessages = Array.isArray(body.messages) ? (body.messages as Array<Record<string, unknown>>) : [];
  const messages: FakeMessage[] = requestMessages.map((m) => ({ role: String(m.role ?? ''), content: String(m.content ?? '') }));
  const system = str(body, 'system');

  const model: FakeModel = {
    name: displayShortest(name),
    weights: finalWeights,
    format: base?.format ?? 'gguf',
    family: base?.family ?? 'llama',
    families: base?.families ?? ['llama'],
    parameterSize: base?.parameterSize ?? '8.0B',
    quantizationLevel: quantization,
    parentModel: base?.name ?? '',
    template: template || (base?.template ?? ''),
    system: system || (base?.system ?? ''),
    license: [...(base?.license ?? []), ...licenses],
    parameters: { ...(base?.parameters ?? {}), ...((body.parameters as Record<string, unknown> | undefined) ?? {}) },
    messages: messages.length > 0 ? messages : (base?.messages ?? []),
    capabilities: base?.capabilities ?? ['completion'],
    contextLength: base?.contextLength ?? 4096,
    // Same weights, same GGUF metadata; a cloud base stays a cloud model.
    modelInfo: base?.modelInfo ?? {},
    remoteHost: base?.remoteHost ?? '',
    remoteModel: base?.remoteModel ?? '',
    modifiedAt: new Date(),
    createRequest: sent as Record<string, unknown>,
  };

  // NewLayer reports whether each blob was already there.
  const statuses = layersOf(model).map((layer) => `${ctx.store.blob(layer.digest) ? 'using existing layer' : 'creating new layer'} ${layer.digest}`);
  for (const status of statuses) yield progress(status);
  yield progress('writing manifest');
  ctx.store.put(model);
  yield progress('success');
}

export async function handleCreate(ex: Exchange, raw: string): Promise<void> {
  const bound = bindJson(raw, 'CreateRequest', {
    model: 'string',
    name: 'string',
    from: 'string',
    files: 'string-map',
    adapters: 'string-map',
    template: 'string',
    system: 'string',
    license: 'any',
    parameters: 'object',
    messages: 'message-list',
    quantize: 'string',
    quantization: 'string',
    stream: 'bool',
  });
  if (!bound.ok) return sendError(ex.res, 400, bound.error);
  const body = bound.value;
  for (const [path, digest] of Object.entries((body.files as Record<string, string> | undefined) ?? {})) {
    if (!validPath(path)) return sendError(ex.res, 400, 'file path must be relative');
    if (digest === '') return sendError(ex.res, 400, 'invalid digest format');
  }
  for (const digest of Object.values((body.adapters as Record<string, string> | undefined) ?? {})) {
    if (digest === '') return sendError(ex.res, 400, 'invalid digest format');
  }
  const name = str(body, 'model') || str(body, 'name');
  if (!isValidModelName(name)) return sendError(ex.res, 400, 'invalid model name');
  await respond(ex, body.stream, createItems(ex.ctx, body, JSON.parse(raw) as unknown, name, ex.signal));
}
