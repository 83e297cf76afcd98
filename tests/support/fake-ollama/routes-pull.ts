import { isValidModelName } from '../../../src/shared/model-name';
import { displayShortest } from './shortest-name';
import type { Exchange, FakeContext } from './exchange';
import { bindJson, str } from './go-json';
import { pause, sendError } from './http-io';
import { configLayerOf, layersOf, modelFromSeed } from './model-store';
import { StreamFailure, respond, type StreamItem } from './stream-response';

/**
 * POST /api/pull (PullHandler → PullModel): `pulling manifest`, then per layer `pulling <12 hex>`
 * with digest/total/completed, `verifying sha256 digest`, `writing manifest`, `success`. A model
 * the library lacks fails right after `pulling manifest`. A download cut short keeps its bytes
 * and the next pull of that layer resumes from them.
 */

/** api.ProgressResponse: digest, total and completed are omitempty. */
export function progress(status: string, digest?: string, total?: number, completed?: number): Record<string, unknown> {
  const out: Record<string, unknown> = { status };
  if (digest) out.digest = digest;
  if (total) out.total = total;
  if (completed) out.completed = completed;
  return out;
}

/** The pull stream; returns true when the model was pulled. Used by /api/create for a missing `from` too. */
export async function* pullItems(ctx: FakeContext, name: string, signal: AbortSignal): AsyncGenerator<StreamItem, boolean> {
  yield progress('pulling manifest');
  const seed = ctx.store.fromLibrary(name);
  if (!seed) {
    yield new StreamFailure('pull model manifest: file does not exist');
    return false;
  }
  // Stored under the name asked for, with the registry's bytes (hf.co and huggingface.co share them).
  const model = { ...modelFromSeed(seed, new Date()), name: displayShortest(name) };
  const existing = ctx.store.get(name);
  const layers = [...layersOf(model), configLayerOf(model)];
  const { steps, stepMs } = ctx.settings.pull;

  for (const layer of layers) {
    const status = `pulling ${layer.digest.slice(7, 19)}`;
    if (ctx.store.blob(layer.digest)) {
      yield progress(status, layer.digest, layer.size, layer.size);
      continue;
    }
    // Only the big layers take visible time; small ones arrive in one line, as on a real pull.
    const lineCount = layer.size > 1_000_000 ? Math.max(1, steps) : 1;
    // The first line shows what an earlier, interrupted pull already fetched.
    const start = ctx.store.partialPulls.get(layer.digest) ?? 0;
    yield progress(status, layer.digest, layer.size, start);
    for (let i = 1; i < lineCount; i++) {
      await pause(stepMs, signal);
      if (signal.aborted) return false;
      const completed = start + Math.round(((layer.size - start) * i) / lineCount);
      ctx.store.partialPulls.set(layer.digest, completed);
      yield progress(status, layer.digest, layer.size, completed);
    }
    await pause(stepMs, signal);
    if (signal.aborted) return false;
    yield progress(status, layer.digest, layer.size, layer.size);
    ctx.store.partialPulls.delete(layer.digest);
    ctx.store.addBlob(layer.digest, { size: layer.size, head: Buffer.alloc(0) });
  }

  yield progress('verifying sha256 digest');
  yield progress('writing manifest');
  ctx.store.put(model);
  if (existing && existing.weights[0]?.digest !== model.weights[0]?.digest) yield progress('removing unused layers');
  yield progress('success');
  return true;
}

async function* pullOnly(ctx: FakeContext, name: string, signal: AbortSignal): AsyncGenerator<StreamItem> {
  yield* pullItems(ctx, name, signal);
}

export async function handlePull(ex: Exchange, raw: string): Promise<void> {
  const bound = bindJson(raw, 'PullRequest', { model: 'string', name: 'string', insecure: 'bool', stream: 'bool' });
  if (!bound.ok) return sendError(ex.res, 400, bound.error);
  const name = (str(bound.value, 'model') || str(bound.value, 'name')).trim();
  if (name === '' || !isValidModelName(name)) return sendError(ex.res, 400, 'invalid model name');
  await respond(ex, bound.value.stream, pullOnly(ex.ctx, name, ex.signal));
}
