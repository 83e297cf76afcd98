import { estimateMemory } from '../../../src/shared/memory-estimate';
import { isValidModelName } from '../../../src/shared/model-name';
import { displayShortest } from './shortest-name';
import type { Exchange } from './exchange';
import { FOREVER_MS } from './go-duration';
import { bindJson, str } from './go-json';
import { sendEmpty, sendError, sendJson } from './http-io';
import { digestOf, sizeOf, type FakeModel } from './model-store';
import { detailsOf, showResponseOf, tagEntryOf } from './show-model';

/** /api/tags, /api/ps, /api/show, /api/delete, /api/copy (ListHandler, PsHandler, ShowHandler, DeleteHandler, CopyHandler). */

export function handleTags(ex: Exchange): void {
  sendJson(ex.res, 200, { models: ex.ctx.store.list().map(tagEntryOf) });
}

export function handlePs(ex: Exchange): void {
  const models = ex.ctx.store.running().map(({ model, loaded }) => {
    const size = memoryInUse(model, loaded.contextLength);
    return {
      name: model.name,
      model: model.name,
      size,
      digest: digestOf(model),
      details: detailsOf(model),
      expires_at: new Date(loaded.expiresAt ?? Date.now() + FOREVER_MS).toISOString(),
      size_vram: size,
      // Never longer than the model was trained for (server/sched.go effectiveContext).
      context_length: Math.min(loaded.contextLength, model.contextLength),
    };
  });
  sendJson(ex.res, 200, { models });
}

/**
 * What a loaded model takes: with real GGUF metadata, the app's own estimate less 4% (a real
 * server's measured figure differs from any estimate, and the page shows both); else the file
 * plus a tenth. The fake says all of it sits in VRAM.
 */
function memoryInUse(model: FakeModel, contextLength: number): number {
  const estimate = estimateMemory({ modelInfo: model.modelInfo, weightsBytes: sizeOf(model), context: Math.min(contextLength, model.contextLength) });
  return estimate.ok ? Math.round(estimate.estimate.total * 0.96) : Math.round(sizeOf(model) * 1.1);
}

export function handleShow(ex: Exchange, raw: string): void {
  const bound = bindJson(raw, 'ShowRequest', { model: 'string', name: 'string', system: 'string', verbose: 'bool', options: 'object' });
  if (!bound.ok) return sendError(ex.res, 400, bound.error);
  const requested = str(bound.value, 'model') || str(bound.value, 'name');
  if (requested.trim() === '') return sendError(ex.res, 400, 'model is required');
  if (!isValidModelName(requested.trim())) return sendError(ex.res, 400, 'invalid model name');
  const model = ex.ctx.store.get(requested.trim());
  if (!model) return sendError(ex.res, 404, `model '${displayShortest(requested.trim())}' not found`);
  const system = str(bound.value, 'system');
  sendJson(ex.res, 200, showResponseOf(system ? { ...model, system } : model, ex.ctx.settings.modelsDir));
}

export function handleDelete(ex: Exchange, raw: string): void {
  const bound = bindJson(raw, 'DeleteRequest', { model: 'string', name: 'string' });
  if (!bound.ok) return sendError(ex.res, 400, bound.error);
  const asSent = str(bound.value, 'model') || str(bound.value, 'name');
  const name = asSent.trim();
  if (name === '') return sendError(ex.res, 400, 'model is required');
  if (!isValidModelName(name)) return sendError(ex.res, 400, `name ${JSON.stringify(asSent)} is invalid`);
  if (!ex.ctx.store.remove(name)) return sendError(ex.res, 404, `model '${asSent}' not found`);
  sendEmpty(ex.res, 200);
}

export function handleCopy(ex: Exchange, raw: string): void {
  const bound = bindJson(raw, 'CopyRequest', { source: 'string', destination: 'string' });
  if (!bound.ok) return sendError(ex.res, 400, bound.error);
  const source = str(bound.value, 'source');
  const destination = str(bound.value, 'destination');
  if (!isValidModelName(source)) return sendError(ex.res, 400, `source ${JSON.stringify(source)} is invalid`);
  if (!isValidModelName(destination)) return sendError(ex.res, 400, `destination ${JSON.stringify(destination)} is invalid`);
  const model = ex.ctx.store.get(source);
  if (!model) return sendError(ex.res, 404, `model ${JSON.stringify(source)} not found`);
  ex.ctx.store.put({ ...model, name: displayShortest(destination), modifiedAt: new Date() });
  sendEmpty(ex.res, 200);
}
