/**
 * `/api/show` `model_info` of three real models, as Ollama sends it without `verbose` (arrays
 * longer than five come back empty, so the tokenizer lists are `[]`), with their `/api/tags` size.
 * Shared by the estimator's tests and the fake Ollama's presets.
 *
 * Sources (the GGUF keys Ollama's converter writes from the model's config.json):
 * - llama3.1:8b (Q4_K_M, 4.9 GB on ollama.com/library/llama3.1): meta-llama/Llama-3.1-8B-Instruct
 *   config.json: 32 layers, hidden 4096, 32 heads, 8 KV heads, vocab 128256, 131072 positions.
 * - qwen3:8b (Q4_K_M, 5.2 GB on ollama.com/library/qwen3): Qwen/Qwen3-8B config.json: 36 layers,
 *   hidden 4096, 32 heads, 8 KV heads, head_dim 128, 40960 positions. The same key set for
 *   qwen3:32b is printed by llama.cpp's loader in ollama/ollama#10968 and #11499.
 * - gemma3:12b (Q4_K_M, 8.1 GB on ollama.com/library/gemma3): google/gemma-3-12b-it
 *   config.json text_config: 48 layers, hidden 3840, 16 heads, 8 KV heads, head_dim 256,
 *   sliding_window 1024 (every 6th layer global), 131072 positions.
 */

export const LLAMA31_8B_INFO = {
  'general.architecture': 'llama',
  'general.basename': 'Meta-Llama-3.1',
  'general.file_type': 15,
  'general.parameter_count': 8_030_261_312,
  'general.quantization_version': 2,
  'llama.attention.head_count': 32,
  'llama.attention.head_count_kv': 8,
  'llama.attention.layer_norm_rms_epsilon': 0.00001,
  'llama.block_count': 32,
  'llama.context_length': 131_072,
  'llama.embedding_length': 4096,
  'llama.feed_forward_length': 14_336,
  'llama.rope.dimension_count': 128,
  'llama.rope.freq_base': 500_000,
  'llama.vocab_size': 128_256,
  'tokenizer.ggml.model': 'gpt2',
  'tokenizer.ggml.tokens': [],
} as const;
export const LLAMA31_8B_SIZE = 4_920_753_328;

export const QWEN3_8B_INFO = {
  'general.architecture': 'qwen3',
  'general.basename': 'Qwen3',
  'general.file_type': 15,
  'general.parameter_count': 8_190_735_360,
  'general.quantization_version': 2,
  'qwen3.attention.head_count': 32,
  'qwen3.attention.head_count_kv': 8,
  'qwen3.attention.key_length': 128,
  'qwen3.attention.layer_norm_rms_epsilon': 0.000001,
  'qwen3.attention.value_length': 128,
  'qwen3.block_count': 36,
  'qwen3.context_length': 40_960,
  'qwen3.embedding_length': 4096,
  'qwen3.feed_forward_length': 12_288,
  'qwen3.rope.freq_base': 1_000_000,
  'tokenizer.ggml.model': 'gpt2',
  'tokenizer.ggml.tokens': [],
} as const;
export const QWEN3_8B_SIZE = 5_225_376_047;

export const GEMMA3_12B_INFO = {
  'general.architecture': 'gemma3',
  'general.file_type': 15,
  'general.parameter_count': 12_187_325_040,
  'general.quantization_version': 2,
  'gemma3.attention.head_count': 16,
  'gemma3.attention.head_count_kv': 8,
  'gemma3.attention.key_length': 256,
  'gemma3.attention.layer_norm_rms_epsilon': 0.000001,
  'gemma3.attention.sliding_window': 1024,
  'gemma3.attention.value_length': 256,
  'gemma3.block_count': 48,
  'gemma3.context_length': 131_072,
  'gemma3.embedding_length': 3840,
  'gemma3.feed_forward_length': 15_360,
  'gemma3.rope.freq_base': 1_000_000,
  'tokenizer.ggml.model': 'llama',
  'tokenizer.ggml.tokens': [],
} as const;
export const GEMMA3_12B_SIZE = 8_149_190_253;
