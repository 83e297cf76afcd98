import { describe, expect, it } from 'vitest';
import { estimateMemory, fitVerdict, type EstimateInput, type MemoryEstimate } from '../../src/shared/memory-estimate';
import { GEMMA3_12B_INFO, GEMMA3_12B_SIZE, LLAMA31_8B_INFO, LLAMA31_8B_SIZE, QWEN3_8B_INFO, QWEN3_8B_SIZE } from '../support/models/model-info';

function estimate(input: EstimateInput): MemoryEstimate {
  const result = estimateMemory(input);
  if (!result.ok) throw new Error(result.reason);
  return result.estimate;
}

describe('estimateMemory on a llama-style model (llama3.1:8b)', () => {
  // KV per token per layer: (128 + 128) × 8 KV heads × 2 bytes (f16) = 4096 B; head length 128 = 4096 / 32.
  // ctx 4096: 4096 × 4096 × 32 layers = 536,870,912 (512 MiB).
  // Graph (GraphSize, llama, batch 512): max(4·512·(1 + 4·4096 + 4096·33), 4·512·(4096 + 128256))
  //   = max(2048 × 151,553, 2048 × 132,352) = 310,380,544.
  // Total: 4,920,753,328 + 536,870,912 + 310,380,544 = 5,768,004,784.
  it('matches the hand-worked figures at 4096 tokens', () => {
    expect(estimate({ modelInfo: LLAMA31_8B_INFO, weightsBytes: LLAMA31_8B_SIZE, context: 4096 })).toEqual({
      weights: 4_920_753_328,
      kvCache: 536_870_912,
      graph: 310_380_544,
      total: 5_768_004_784,
      layers: 32,
      slidingLayers: 0,
      context: 4096,
    });
  });

  // ctx 8192: KV 8192 × 4096 × 32 = 1,073,741,824; graph 2048 × (16,385 + 8192·33) = 2048 × 286,721 = 587,204,608
  // (560 MiB: the figure Ollama logged as memory.graph.full for a llama3 8B at --ctx-size 8192 in ollama/ollama#7622).
  // Total: 4,920,753,328 + 1,073,741,824 + 587,204,608 = 6,581,699,760.
  it('matches the hand-worked figures at 8192 tokens', () => {
    const e = estimate({ modelInfo: LLAMA31_8B_INFO, weightsBytes: LLAMA31_8B_SIZE, context: 8192 });
    expect([e.kvCache, e.graph, e.total]).toEqual([1_073_741_824, 587_204_608, 6_581_699_760]);
  });

  // q8_0 halves the cache (1 byte per element), parallel 2 doubles the tokens: 4096 × 2 × 256 × 8 × 1 × 32.
  it('scales the cache with the cache type and parallel requests', () => {
    const e = estimate({ modelInfo: LLAMA31_8B_INFO, weightsBytes: LLAMA31_8B_SIZE, context: 4096, parallel: 2, kvCacheType: 'q8_0' });
    expect(e.kvCache).toBe(536_870_912);
    const q4 = estimate({ modelInfo: LLAMA31_8B_INFO, weightsBytes: LLAMA31_8B_SIZE, context: 4096, kvCacheType: 'q4_0' });
    expect(q4.kvCache).toBe(134_217_728);
  });
});

describe('estimateMemory on a grouped-query model (qwen3:8b)', () => {
  // KV per token per layer: (128 + 128) × 8 × 2 = 4096 B over 36 layers.
  // ctx 4096: 4096 × 4096 × 36 = 603,979,776. Graph (llama's formula, no vocab_size key):
  //   max(2048 × (1 + 16,384 + 4096·33), 2048 × 4096) = 310,380,544.
  // Total: 5,225,376,047 + 603,979,776 + 310,380,544 = 6,139,736,367.
  it('matches the hand-worked figures at 4096 tokens', () => {
    const e = estimate({ modelInfo: QWEN3_8B_INFO, weightsBytes: QWEN3_8B_SIZE, context: 4096 });
    expect([e.kvCache, e.graph, e.total]).toEqual([603_979_776, 310_380_544, 6_139_736_367]);
  });

  // ctx 32768: KV 32768 × 4096 × 36 = 4,831,838,208; graph 2048 × (16,385 + 32768·33) = 2,248,148,992.
  // Total: 5,225,376,047 + 4,831,838,208 + 2,248,148,992 = 12,305,363,247.
  it('matches the hand-worked figures at 32768 tokens', () => {
    const e = estimate({ modelInfo: QWEN3_8B_INFO, weightsBytes: QWEN3_8B_SIZE, context: 32_768 });
    expect([e.kvCache, e.graph, e.total]).toEqual([4_831_838_208, 2_248_148_992, 12_305_363_247]);
  });

  // Ollama's qwen3:32b at 8192 tokens: 64 layers × 4096 B × 8192 = 2048 MiB of cache and 1092 MiB of compute
  // buffer, as llama.cpp logged them in ollama/ollama#11499. Llama's formula: 2048 × (1 + 4·5120 + 8192·65) = 1080 MiB.
  it('puts the qwen3:32b graph within 2% of the compute buffer measured in ollama/ollama#11499', () => {
    const info = { ...QWEN3_8B_INFO, 'qwen3.block_count': 64, 'qwen3.embedding_length': 5120, 'qwen3.attention.head_count': 64 };
    const e = estimate({ modelInfo: info, weightsBytes: 0, context: 8192 });
    expect(e.kvCache).toBe(2048 * 2 ** 20);
    expect(Math.abs(e.graph - 1092 * 2 ** 20) / (1092 * 2 ** 20)).toBeLessThan(0.02);
  });
});

describe('estimateMemory on a sliding-window model (gemma3:12b)', () => {
  // KV per token per layer: (256 + 256) × 8 × 2 = 8192 B. Layers 6, 12, … 48 are global (8), the other 40 slide.
  // ctx 4096: global 8 × 4096 × 8192 = 268,435,456; sliding layers keep parallel × 1024 + batch 512 = 1536
  // tokens: 40 × 1536 × 8192 = 503,316,480. KV = 771,751,936.
  // Graph (GraphSize, gemma3, no vocab_size key): 4·512·(2 + 4096 + 4096·16 + 2·3840 + 2·256·16)
  //   = 2048 × 85,506 = 175,116,288. Total: 8,149,190,253 + 771,751,936 + 175,116,288 = 9,096,058,477.
  it('matches the hand-worked figures at 4096 tokens', () => {
    expect(estimate({ modelInfo: GEMMA3_12B_INFO, weightsBytes: GEMMA3_12B_SIZE, context: 4096 })).toEqual({
      weights: 8_149_190_253,
      kvCache: 771_751_936,
      graph: 175_116_288,
      total: 9_096_058_477,
      layers: 48,
      slidingLayers: 40,
      context: 4096,
    });
  });

  // ctx 32768: global 8 × 32768 × 8192 = 2,147,483,648; sliding still 503,316,480 → KV 2,650,800,128.
  // Graph 2048 × (2 + 32768·17 + 7680 + 8192) = 2048 × 572,930 = 1,173,360,640.
  // Total: 8,149,190,253 + 2,650,800,128 + 1,173,360,640 = 11,973,351,021.
  it('matches the hand-worked figures at 32768 tokens, the window capping 40 of 48 layers', () => {
    const e = estimate({ modelInfo: GEMMA3_12B_INFO, weightsBytes: GEMMA3_12B_SIZE, context: 32_768 });
    expect([e.kvCache, e.graph, e.total]).toEqual([2_650_800_128, 1_173_360_640, 11_973_351_021]);
  });

  it('never keeps more tokens in a sliding layer than the context holds', () => {
    // ctx 1024: every layer 1024 tokens (the window plus batch, 1536, is more than the context).
    const e = estimate({ modelInfo: GEMMA3_12B_INFO, weightsBytes: 0, context: 1024 });
    expect(e.kvCache).toBe(48 * 1024 * 8192);
  });
});

const GiB = 2 ** 30;
const MiB = 2 ** 20;
/** Signed relative error of an estimate against a measurement. */
const relError = (estimate: number, measured: number) => (estimate - measured) / measured;

/**
 * gemma3:4b as Ollama's GGUF describes it (google/gemma-3-4b-it config.json): 34 layers, width 2560,
 * 8 heads, 4 KV heads of 256, sliding window 1024 (every 6th layer global: 5 global, 29 sliding);
 * vision tower SigLIP: 896-pixel images, 14-pixel patches, 16 heads. Size 3.3 GB
 * (ollama.com/library/gemma3, `ollama list` ID a2af6cc3eb7f; the rounding is ±1.5%).
 */
const GEMMA3_4B_INFO = {
  ...GEMMA3_12B_INFO,
  'gemma3.block_count': 34,
  'gemma3.embedding_length': 2560,
  'gemma3.attention.head_count': 8,
  'gemma3.attention.head_count_kv': 4,
  'gemma3.vision.image_size': 896,
  'gemma3.vision.patch_size': 14,
  'gemma3.vision.attention.head_count': 16,
  'gemma3.vision.block_count': 27,
  'gemma3.vision.embedding_length': 1152,
};
const GEMMA3_4B_SIZE = 3_300_000_000;

describe('estimateMemory on a vision model (gemma3:4b with its image encoder)', () => {
  // ctx 8192: KV per token per layer (256 + 256) × 4 × 2 = 4096 B; global 5 × 8192 × 4096 = 167,772,160;
  // sliding 29 × (1024 + 512) × 4096 = 182,452,224 → 350,224,384 (334.0 MiB).
  // Text graph (gemma3): 2048 × (2 + 8192 + 8192·8 + 2·2560 + 2·256·8) = 2048 × 82,946 = 169,873,408.
  // Vision graph: (896 / 14)² = 4096 patches; 4096² × 16 heads × 4 B = 1,073,741,824. The buffer is the larger.
  // Total: 3,300,000,000 + 350,224,384 + 1,073,741,824 = 4,723,966,208.
  it('reserves the larger of the text graph and the image encoder attention', () => {
    const e = estimate({ modelInfo: GEMMA3_4B_INFO, weightsBytes: GEMMA3_4B_SIZE, context: 8192 });
    expect([e.kvCache, e.graph, e.total, e.slidingLayers]).toEqual([350_224_384, 1_073_741_824, 4_723_966_208, 29]);
  });

  it('leaves the graph to the text formula when the model has no vision keys, or a tower it does not know', () => {
    const textOnly = estimate({ modelInfo: { ...GEMMA3_4B_INFO, 'gemma3.vision.image_size': undefined }, weightsBytes: 0, context: 8192 });
    expect(textOnly.graph).toBe(169_873_408);
    const llamaWithKeys = estimate({ modelInfo: { ...LLAMA31_8B_INFO, 'llama.vision.image_size': 896, 'llama.vision.patch_size': 14, 'llama.vision.attention.head_count': 16 }, weightsBytes: 0, context: 4096 });
    expect(llamaWithKeys.graph).toBe(310_380_544);
  });
});

/**
 * Against memory that users measured and published. Only real allocations count: since Ollama 0.12
 * the new engine logs what it allocated (`msg="kv cache"`, `msg="compute graph"`, `msg="total
 * memory"`), llama.cpp logs its buffers, and nvidia-smi shows the card. Ollama's own estimate
 * (`memory.required.full`, and `ollama ps` before 0.11) is not a measurement and is not used.
 */
describe('estimateMemory against measured memory', () => {
  // ollama/ollama#12303 (https://github.com/ollama/ollama/issues/12303), Ollama 0.12.x new engine,
  // gemma3:4b loaded on the CPU (0/35 layers offloaded), f16 cache, parallel 1: model weights 3.6 GiB,
  // kv cache 334.0 MiB, compute graph 1.1 GiB, total memory 5.0 GiB. The load request line is not
  // quoted; 334.0 MiB is exactly the cache at 8192 tokens (5 global × 8192 + 29 sliding × 1536 tokens),
  // and no other context or parallel count gives it, so the context is 8192.
  it('gemma3:4b at 8192 tokens is within 15% of the 5.0 GiB Ollama allocated (ollama/ollama#12303)', () => {
    const e = estimate({ modelInfo: GEMMA3_4B_INFO, weightsBytes: GEMMA3_4B_SIZE, context: 8192 });
    expect(e.kvCache).toBe(334 * MiB);
    expect(Math.abs(e.graph - 1.1 * GiB) / (1.1 * GiB)).toBeLessThan(0.1);
    // -12.0%: the CPU load holds 3.6 GiB of weights for a 3.3 GB file; on a GPU the token embedding
    // stays on the CPU (ollama/ollama#10670), so size_vram is below the file, not above it.
    expect(Math.abs(relError(e.total, 5.0 * GiB))).toBeLessThan(0.15);
  });

  // ollama/ollama#10740 (https://github.com/ollama/ollama/issues/10740), Ollama 0.6.8/0.7.0 llama.cpp
  // runner, Qwen3-32B-Q6_K on 3 × RTX 3090 at 32768 tokens, flash attention on, f16 cache, parallel 1:
  // "actual VRAM usage is about 36 GiB" (nvidia-smi) while Ollama's estimate said 67.3 GiB.
  // qwen3 32B: 64 layers, width 5120, 64 heads, 8 KV heads of 128. Weights: 32.76 B parameters (llama.cpp's
  // print_info for Qwen3 32B) × 6.5625 bits (Q6_K) / 8 = 26,873,437,500 B.
  // KV 32768 × 64 × 4096 = 8,589,934,592; graph 2048 × (1 + 20,480 + 32768·65) = 4,404,021,248.
  // Total 39,867,393,340 = 37.1 GiB (+3%). With flash attention the real graph is smaller, and each of the
  // three cards adds a CUDA context and its own compute buffer; the two roughly cancel here.
  it('qwen3 32B (Q6_K) at 32768 tokens is within 15% of the ~36 GiB nvidia-smi showed (ollama/ollama#10740)', () => {
    const info = { ...QWEN3_8B_INFO, 'qwen3.block_count': 64, 'qwen3.embedding_length': 5120, 'qwen3.attention.head_count': 64 };
    const e = estimate({ modelInfo: info, weightsBytes: 26_873_437_500, context: 32_768 });
    expect([e.kvCache, e.graph, e.total]).toEqual([8_589_934_592, 4_404_021_248, 39_867_393_340]);
    expect(Math.abs(relError(e.total, 36 * GiB))).toBeLessThan(0.15);
  });

  // fedora-copr/logdetective#106 (https://github.com/fedora-copr/logdetective/pull/106): llama.cpp's
  // llama-server, a llama-architecture model (32 layers, 8 KV heads of 128, width 4096, 32 heads; the
  // buffers pin these down), f16 cache, no flash attention, at 2048 and 32768 tokens:
  // KV 256.00 → 4096.00 MiB, CUDA0 compute buffer 164.00 → 2144.00 MiB. Weights were not printed, so
  // this checks the context-dependent part of the estimate, not its total. freq_base 1e6 and the shape
  // are Mistral 7B's (32000-token vocabulary); any vocabulary under 79,873 tokens leaves the attention
  // term of the graph the larger one at 2048, so the exact vocabulary does not change the figures.
  it('matches the KV cache and compute buffer llama.cpp allocated for a llama model at 2048 and 32768 tokens', () => {
    const info = { ...LLAMA31_8B_INFO, 'llama.vocab_size': 32_000 };
    const small = estimate({ modelInfo: info, weightsBytes: 0, context: 2048 });
    const large = estimate({ modelInfo: info, weightsBytes: 0, context: 32_768 });
    // As llama.cpp prints them: MiB to two decimals (the formula's "+1" adds 2 KiB, 164.0019 MiB).
    const printed = (bytes: number) => Number((bytes / MiB).toFixed(2));
    expect([printed(small.kvCache), printed(small.graph)]).toEqual([256, 164]);
    expect([printed(large.kvCache), printed(large.graph)]).toEqual([4096, 2144]);
  });
});

describe('estimateMemory on what it cannot read', () => {
  it('says why when the architecture is missing (a cloud model has no model_info)', () => {
    const result = estimateMemory({ modelInfo: {}, weightsBytes: 1, context: 4096 });
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('which architecture') });
  });

  it('says why when per-layer heads came back empty (not verbose) instead of counting them as zero', () => {
    const result = estimateMemory({ modelInfo: { ...LLAMA31_8B_INFO, 'llama.attention.head_count_kv': [] }, weightsBytes: 1, context: 4096 });
    expect(result.ok).toBe(false);
  });

  it('reads a per-layer head count array when it is complete', () => {
    const heads = Array.from({ length: 32 }, (_, i) => (i % 2 === 0 ? 8 : 0));
    const e = estimate({ modelInfo: { ...LLAMA31_8B_INFO, 'llama.attention.head_count_kv': heads }, weightsBytes: 0, context: 4096 });
    expect(e.kvCache).toBe(536_870_912 / 2);
  });
});

describe('fitVerdict', () => {
  it('fits within 90% of free memory, is tight up to all of it, and does not fit beyond', () => {
    expect(fitVerdict(9_000, 10_000)).toBe('fits');
    expect(fitVerdict(9_001, 10_000)).toBe('tight');
    expect(fitVerdict(10_000, 10_000)).toBe('tight');
    expect(fitVerdict(10_001, 10_000)).toBe('does-not-fit');
  });
});
