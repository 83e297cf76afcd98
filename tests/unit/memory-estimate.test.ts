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
