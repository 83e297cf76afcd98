import type { FakeContext } from './exchange';
import { pause } from './http-io';
import { MEDIA_TYPES, sha256Hex, type FakeLayer } from './model-store';
import { progress } from './routes-pull';
import { StreamFailure, type StreamItem } from './stream-response';

/**
 * Where a created model's weights come from when they are uploaded files (convertModelFromFiles
 * in server/create.go), and the rewrite a GGUF goes through before use (validation or
 * quantization, with their zero-digest progress lines).
 */

export const DIGEST = /^sha256[:-][0-9a-fA-F]{64}$/;
const ZERO_DIGEST = '0000000000000000000';

export interface WeightLayer {
  layer: FakeLayer;
  /** rewriteForCreate: a GGUF given as a file is validated (rewritten) before it is used. */
  rewrite: boolean;
}

function isGguf(head: Buffer): boolean {
  const magic = head.subarray(0, 4).toString('latin1');
  return magic === 'GGUF' || magic === 'FUGG';
}

function detectType(ctx: FakeContext, files: Record<string, string>): 'gguf' | 'safetensors' | '' {
  for (const [path, digest] of Object.entries(files)) {
    if (path.endsWith('.safetensors')) return 'safetensors';
    if (path.endsWith('.gguf')) return 'gguf';
    if (!DIGEST.test(digest)) return '';
    const blob = ctx.store.blob(digest);
    if (!blob) return '';
    if (isGguf(blob.head)) return 'gguf';
  }
  return '';
}

function openError(ctx: FakeContext, digest: string): StreamFailure {
  return new StreamFailure(`open ${ctx.settings.modelsDir}/blobs/${digest.replace(':', '-')}: no such file or directory`);
}

/** convertModelFromFiles: weights (or an adapter) from uploaded blobs. */
export async function* weightsFromFiles(ctx: FakeContext, files: Record<string, string>, isAdapter: boolean): AsyncGenerator<StreamItem, WeightLayer[] | null> {
  const type = detectType(ctx, files);
  if (type === '') {
    yield new StreamFailure('unknown type', 400);
    return null;
  }
  const paths = Object.keys(files).sort();
  if (type === 'safetensors') {
    let size = 0;
    for (const path of paths) {
      const digest = files[path] ?? '';
      if (!DIGEST.test(digest)) {
        yield new StreamFailure('invalid digest format', 400);
        return null;
      }
      const blob = ctx.store.blob(digest);
      if (!blob) {
        yield openError(ctx, digest);
        return null;
      }
      size += blob.size;
    }
    yield progress(isAdapter ? 'converting adapter' : 'converting model');
    const digest = `sha256:${sha256Hex(`converted ${paths.map((p) => files[p]).join(' ')}`)}`;
    return [{ layer: { mediaType: isAdapter ? MEDIA_TYPES.adapter : MEDIA_TYPES.model, digest, size }, rewrite: false }];
  }
  if (isAdapter && paths.length > 1) {
    yield new StreamFailure('only one adapter is currently supported', 400);
    return null;
  }
  const layers: WeightLayer[] = [];
  for (const path of paths) {
    const digest = files[path] ?? '';
    yield progress('parsing GGUF');
    if (!DIGEST.test(digest)) {
      yield new StreamFailure('invalid digest format');
      return null;
    }
    const blob = ctx.store.blob(digest);
    if (!blob) {
      yield openError(ctx, digest);
      return null;
    }
    if (!isGguf(blob.head)) {
      yield new StreamFailure('supplied file was not in GGUF format', 400);
      return null;
    }
    const mediaType = isAdapter ? MEDIA_TYPES.adapter : MEDIA_TYPES.model;
    layers.push({ layer: { mediaType, digest: digest.replace(/^sha256-/, 'sha256:'), size: blob.size }, rewrite: !isAdapter });
  }
  return layers;
}

/** rewriteLayerWithLlamaQuantize: progress with a pseudo-digest of zeros, then `verifying conversion`. */
export async function* rewriteLayer(ctx: FakeContext, layer: FakeLayer, status: string, newSize: number, signal: AbortSignal): AsyncGenerator<StreamItem, FakeLayer | null> {
  const steps = Math.max(1, ctx.settings.pull.steps);
  for (let i = 1; i <= steps; i++) {
    await pause(ctx.settings.pull.stepMs, signal);
    if (signal.aborted) return null;
    yield progress(status, ZERO_DIGEST, layer.size, Math.round((layer.size * i) / steps));
  }
  yield progress('verifying conversion');
  return { mediaType: layer.mediaType, digest: `sha256:${sha256Hex(`${layer.digest} ${status}`)}`, size: Math.max(1, Math.round(newSize)) };
}
