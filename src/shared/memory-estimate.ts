import { z } from 'zod';
import type { ModelInfo } from './model-facts';

/**
 * How much memory a model needs at a context size, before it is loaded. Ollama has no API for
 * this; the formulas follow its own former estimator (llm/memory.go and fs/ggml/ggml.go
 * `GraphSize`, ollama/ollama@4372d0bfefc7c705b5765177460605ebc8eef1f3, the last commit before
 * they were removed in f560bd077) and its cache (kvcache/causal.go at the same commit):
 *
 * - weights: the model's size on disk (the GGUF is mapped as is);
 * - KV cache, per layer: tokens × (key_length + value_length) × head_count_kv × bytes per element
 *   (f16 2, q8_0 1, q4_0 0.5), where tokens = ctx × parallel for a full-attention layer and, for a
 *   sliding-window layer, parallel × window + batch (what the cache keeps: `NewSWACache`), never
 *   more than ctx × parallel;
 * - compute graph: Ollama's full-offload graph estimate for the architecture (llama, and qwen3
 *   with llama's formula; gemma3; qwen2), else its generic `gqa × kv / 6`. It is the graph without flash attention, so an upper
 *   bound when flash attention is on. For gemma3 with its vision tower, the larger of that and the
 *   image encoder's attention (see `visionGraphBytes`).
 *
 * After a load, /api/ps says what was really used; the page shows both.
 */

export const kvCacheTypeSchema = z.enum(['f16', 'q8_0', 'q4_0']);
export type KvCacheType = z.infer<typeof kvCacheTypeSchema>;

export const KV_BYTES: Record<KvCacheType, number> = { f16: 2, q8_0: 1, q4_0: 0.5 };

/** Ollama's defaults: OLLAMA_NUM_PARALLEL 1 (envconfig/config.go), num_batch 512 (api/types.go). */
export const DEFAULT_PARALLEL = 1;
export const DEFAULT_BATCH = 512;
/** gemma3: every 6th layer is global, the rest slide (model/models/gemma3/model_text.go `gemmaGlobalCacheCount`). */
const GEMMA3_GLOBAL_EVERY = 6;

export interface EstimateInput {
  modelInfo: ModelInfo;
  /** The model's size in bytes (/api/tags `size`). */
  weightsBytes: number;
  context: number;
  parallel?: number;
  batch?: number;
  kvCacheType?: KvCacheType;
}

export interface MemoryEstimate {
  weights: number;
  kvCache: number;
  graph: number;
  total: number;
  layers: number;
  /** Layers whose cache is bounded by a sliding window. */
  slidingLayers: number;
  context: number;
}

export type EstimateResult = { ok: true; estimate: MemoryEstimate } | { ok: false; reason: string };

function num(info: ModelInfo, key: string): number | null {
  const v = info[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** A per-layer value: a number for every layer, or an array with one per layer; null when unknown. */
function perLayer(info: ModelInfo, key: string, layers: number): number[] | null {
  const v = info[key];
  if (typeof v === 'number' && Number.isFinite(v)) return Array.from({ length: layers }, () => v);
  // /api/show sends long arrays as [] unless asked with verbose: unknown, not zero.
  if (Array.isArray(v) && v.length === layers && v.every((x) => typeof x === 'number')) return v as number[];
  return null;
}

/** Which layers slide: from `<arch>.attention.sliding_window_pattern` when shown, else gemma3's fixed pattern. */
function slidingPattern(info: ModelInfo, arch: string, layers: number): boolean[] | null {
  const pattern = info[`${arch}.attention.sliding_window_pattern`];
  if (Array.isArray(pattern) && pattern.length === layers && pattern.every((x) => typeof x === 'boolean')) return pattern as boolean[];
  if (arch === 'gemma3') return Array.from({ length: layers }, (_, i) => (i + 1) % GEMMA3_GLOBAL_EVERY !== 0);
  return null;
}

export function estimateMemory(input: EstimateInput): EstimateResult {
  const info = input.modelInfo;
  const arch = info['general.architecture'];
  if (typeof arch !== 'string' || arch === '') {
    return { ok: false, reason: 'Ollama did not say which architecture this model has, so its memory cannot be estimated.' };
  }
  const k = (key: string) => num(info, `${arch}.${key}`);
  const layers = k('block_count');
  const embedding = k('embedding_length');
  const heads = k('attention.head_count');
  if (!layers || !embedding || !heads) {
    return { ok: false, reason: `Ollama did not report the layer count, width or attention heads of this ${arch} model, so its memory cannot be estimated.` };
  }
  const kvHeads = perLayer(info, `${arch}.attention.head_count_kv`, layers) ?? (info[`${arch}.attention.head_count_kv`] === undefined ? Array.from({ length: layers }, () => heads) : null);
  if (!kvHeads) {
    return { ok: false, reason: `This ${arch} model has a different number of key/value heads per layer, which Ollama lists only in its detailed view; the estimate cannot be made from the summary.` };
  }
  const headDim = Math.floor(embedding / heads);
  const keyLength = k('attention.key_length') ?? headDim;
  const valueLength = k('attention.value_length') ?? headDim;
  const parallel = Math.max(1, Math.floor(input.parallel ?? DEFAULT_PARALLEL));
  const context = Math.max(1, Math.floor(input.context));
  const batch = Math.min(context, input.batch ?? DEFAULT_BATCH);
  const bytes = KV_BYTES[input.kvCacheType ?? 'f16'];
  const fullTokens = context * parallel;
  const window = k('attention.sliding_window');
  const pattern = window ? slidingPattern(info, arch, layers) : null;
  const slidingTokens = window ? Math.min(fullTokens, parallel * window + batch) : fullTokens;

  let kvCache = 0;
  let slidingLayers = 0;
  for (let i = 0; i < layers; i++) {
    const sliding = pattern?.[i] === true;
    if (sliding) slidingLayers++;
    const tokens = sliding ? slidingTokens : fullTokens;
    kvCache += tokens * (keyLength + valueLength) * kvHeads[i]! * bytes;
  }
  const textGraph = graphBytes({ arch, info, embedding, heads, kvHeads: Math.min(...kvHeads), keyLength, context: fullTokens, batch, kvCache });
  const graph = Math.max(textGraph, visionGraphBytes(info, arch));
  const weights = input.weightsBytes;
  return { ok: true, estimate: { weights, kvCache, graph, total: weights + kvCache + graph, layers, slidingLayers, context } };
}

interface GraphInput {
  arch: string;
  info: ModelInfo;
  embedding: number;
  heads: number;
  kvHeads: number;
  keyLength: number;
  /** ctx × parallel, as GraphSize multiplies it. */
  context: number;
  batch: number;
  kvCache: number;
}

/** fs/ggml/ggml.go `GraphSize`'s full-offload graph (one GPU, every layer on it). */
function graphBytes(g: GraphInput): number {
  const vocab = num(g.info, `${g.arch}.vocab_size`) ?? 0;
  const { embedding: e, heads: h, context: c, batch: b } = g;
  switch (g.arch) {
    // qwen3 is not in GraphSize (it falls to gqa × kv / 6, 2.5× the 1092 MiB compute buffer a user
    // measured for qwen3:32b at 8192 tokens in ollama/ollama#11499); its attention is llama's, and
    // llama's formula gives 1080 MiB there.
    case 'llama':
    case 'qwen3':
    case 'qwen3moe':
      return Math.max(4 * b * (1 + 4 * e + c * (1 + h)), 4 * b * (e + vocab));
    case 'gemma3':
      return Math.max(4 * b * (e + vocab), 4 * b * (2 + c + c * h + 2 * e + 2 * g.keyLength * h));
    case 'qwen2':
      return Math.max(4 * b * (e + vocab), 4 * b * (1 + 2 * e + c + c * h));
    default:
      // memory.go: when GraphSize has no formula, gqa × total KV / 6 (integer arithmetic).
      return Math.floor((Math.floor(h / Math.max(1, g.kvHeads)) * g.kvCache) / 6);
  }
}

/** Vision towers whose encoder attends over every patch of the image at once (SigLIP in gemma3). */
const FULL_ATTENTION_VISION = new Set(['gemma3']);

/**
 * Ollama's engine reserves the image-encoding graph in the same compute buffer as the text graph,
 * so the buffer is the larger of the two. The vision attention holds patches² × heads f32 scores,
 * patches = (image_size / patch_size)²: for gemma3's 896-pixel images, 14-pixel patches and 16
 * heads that is 4096² × 16 × 4 = 1 GiB, whatever the context. Without it the estimate missed most
 * of the 1.1 GiB compute graph Ollama logged for gemma3:4b (ollama/ollama#12303). 0 without the
 * `<arch>.vision.*` keys, or for towers whose attention is windowed or tiled.
 */
function visionGraphBytes(info: ModelInfo, arch: string): number {
  if (!FULL_ATTENTION_VISION.has(arch)) return 0;
  const imageSize = num(info, `${arch}.vision.image_size`);
  const patchSize = num(info, `${arch}.vision.patch_size`);
  const heads = num(info, `${arch}.vision.attention.head_count`);
  if (!imageSize || !patchSize || !heads) return 0;
  const patches = Math.floor(imageSize / patchSize) ** 2;
  return patches * patches * heads * 4;
}

export type FitVerdict = 'fits' | 'tight' | 'does-not-fit';

/** Within 90% of free memory fits; up to 100% is tight (other programs, fragmentation); beyond does not fit. */
export const TIGHT_FRACTION = 0.9;

export function fitVerdict(total: number, freeBytes: number): FitVerdict {
  if (total <= freeBytes * TIGHT_FRACTION) return 'fits';
  if (total <= freeBytes) return 'tight';
  return 'does-not-fit';
}
