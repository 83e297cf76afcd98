import { GEMMA3_12B_INFO, GEMMA3_12B_SIZE, LLAMA31_8B_INFO, LLAMA31_8B_SIZE, QWEN3_8B_INFO, QWEN3_8B_SIZE } from '../models/model-info';
import type { FakeModelSeed } from './types';

/** Ready-made model sets: the seed example registry's world, for manual runs and end-to-end tests. */

export const LLAMA3: FakeModelSeed = {
  name: 'llama3:latest',
  size: 4_661_224_676,
  family: 'llama',
  parameterSize: '8.0B',
  quantizationLevel: 'Q4_0',
  template:
    '{{ if .System }}<|start_header_id|>system<|end_header_id|>\n\n{{ .System }}<|eot_id|>{{ end }}{{ if .Prompt }}<|start_header_id|>user<|end_header_id|>\n\n{{ .Prompt }}<|eot_id|>{{ end }}<|start_header_id|>assistant<|end_header_id|>\n\n{{ .Response }}<|eot_id|>',
  parameters: { num_keep: 24, stop: ['<|start_header_id|>', '<|end_header_id|>', '<|eot_id|>'] },
  license: 'META LLAMA 3 COMMUNITY LICENSE AGREEMENT',
  contextLength: 8192,
  // llama3:8b is llama3.1:8b's shape with an 8192-token context (meta-llama/Meta-Llama-3-8B config.json).
  modelInfo: { ...LLAMA31_8B_INFO, 'general.basename': 'Meta-Llama-3', 'general.file_type': 2, 'llama.context_length': 8192 },
  modifiedAt: '2025-08-01T10:00:00.000Z',
};

export const PROPERTY_MANAGER_V1: FakeModelSeed = {
  ...LLAMA3,
  name: 'peteollama:property-manager-v1',
  parentModel: 'llama3:latest',
  system:
    'You are PeteOllama, an expert property manager trained on real property management conversations. Always be professional, helpful, and accurate.',
  parameters: { ...LLAMA3.parameters, temperature: 0.7 },
  modifiedAt: '2025-08-08T20:50:48.000Z',
};

export const QWEN3_30B: FakeModelSeed = {
  name: 'qwen3:30b',
  size: 18_556_701_064,
  family: 'qwen3moe',
  parameterSize: '30.5B',
  quantizationLevel: 'Q4_K_M',
  template: '{{- if .System }}<|im_start|>system\n{{ .System }}<|im_end|>\n{{ end }}<|im_start|>user\n{{ .Prompt }}<|im_end|>\n<|im_start|>assistant\n',
  parameters: { temperature: 0.6, top_k: 20, top_p: 0.95, stop: ['<|im_start|>', '<|im_end|>'] },
  capabilities: ['completion', 'tools', 'thinking'],
  contextLength: 40960,
  // Qwen/Qwen3-30B-A3B config.json: 48 layers, hidden 2048, 32 heads, 4 KV heads, head_dim 128, 128 experts (8 used).
  modelInfo: {
    'general.architecture': 'qwen3moe',
    'general.parameter_count': 30_532_122_624,
    'qwen3moe.attention.head_count': 32,
    'qwen3moe.attention.head_count_kv': 4,
    'qwen3moe.attention.key_length': 128,
    'qwen3moe.attention.value_length': 128,
    'qwen3moe.block_count': 48,
    'qwen3moe.context_length': 40_960,
    'qwen3moe.embedding_length': 2048,
    'qwen3moe.expert_count': 128,
    'qwen3moe.expert_used_count': 8,
    'tokenizer.ggml.tokens': [],
  },
};

export const LLAMA31_8B: FakeModelSeed = {
  name: 'llama3.1:8b',
  size: LLAMA31_8B_SIZE,
  family: 'llama',
  parameterSize: '8.0B',
  quantizationLevel: 'Q4_K_M',
  template: LLAMA3.template + '{{ if .Tools }}{{ end }}',
  capabilities: ['completion', 'tools'],
  contextLength: 131_072,
  modelInfo: LLAMA31_8B_INFO,
};

export const QWEN3_8B: FakeModelSeed = {
  name: 'qwen3:8b',
  size: QWEN3_8B_SIZE,
  family: 'qwen3',
  parameterSize: '8.2B',
  quantizationLevel: 'Q4_K_M',
  capabilities: ['completion', 'tools', 'thinking'],
  contextLength: 40_960,
  modelInfo: QWEN3_8B_INFO,
};

export const GEMMA3_12B: FakeModelSeed = {
  name: 'gemma3:12b',
  size: GEMMA3_12B_SIZE,
  family: 'gemma3',
  parameterSize: '12.2B',
  quantizationLevel: 'Q4_K_M',
  capabilities: ['completion', 'vision'],
  contextLength: 131_072,
  modelInfo: GEMMA3_12B_INFO,
};

/** A cloud model: Ollama proxies it to ollama.com; no local weights, empty model_info. */
export const GPT_OSS_CLOUD: FakeModelSeed = {
  name: 'gpt-oss:120b-cloud',
  size: 384,
  family: 'gptoss',
  parameterSize: '116.8B',
  quantizationLevel: 'MXFP4',
  capabilities: ['completion', 'tools', 'thinking'],
  contextLength: 131_072,
  remoteHost: 'https://ollama.com:443',
  remoteModel: 'gpt-oss:120b',
};

export const LLAMA32_FP16: FakeModelSeed = {
  name: 'llama3.2:3b-instruct-fp16',
  size: 6_433_703_958,
  family: 'llama',
  parameterSize: '3.2B',
  quantizationLevel: 'F16',
  contextLength: 131072,
};

/**
 * bartowski/Llama-3.2-1B-Instruct-GGUF on Hugging Face, as `hf.co/…:<quant>` pulls it: the shape is
 * meta-llama/Llama-3.2-1B's config.json (16 layers, hidden 2048, 32 heads, 8 KV heads, head_dim 64);
 * sizes are the repository's files (f16 2.48 GB, Q8_0 1.32 GB, Q4_K_M 808 MB), rounded.
 */
const HF_LLAMA32_1B_BASE: Omit<FakeModelSeed, 'name'> = {
  family: 'llama',
  parameterSize: '1.24B',
  template: LLAMA3.template,
  capabilities: ['completion', 'tools'],
  contextLength: 131_072,
  modelInfo: {
    'general.architecture': 'llama',
    'general.parameter_count': 1_235_814_400,
    'llama.attention.head_count': 32,
    'llama.attention.head_count_kv': 8,
    'llama.attention.key_length': 64,
    'llama.attention.value_length': 64,
    'llama.block_count': 16,
    'llama.context_length': 131_072,
    'llama.embedding_length': 2048,
  },
};
const HF_LLAMA32_1B = 'hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF';
export const HF_LLAMA32_1B_F16: FakeModelSeed = { ...HF_LLAMA32_1B_BASE, name: `${HF_LLAMA32_1B}:F16`, size: 2_479_595_000, quantizationLevel: 'F16' };
export const HF_LLAMA32_1B_Q8_0: FakeModelSeed = { ...HF_LLAMA32_1B_BASE, name: `${HF_LLAMA32_1B}:Q8_0`, size: 1_321_083_000, quantizationLevel: 'Q8_0' };
/** Also what `hf.co/…` without a tag (`:latest`) pulls. */
export const HF_LLAMA32_1B_Q4_K_M: FakeModelSeed = { ...HF_LLAMA32_1B_BASE, name: `${HF_LLAMA32_1B}:Q4_K_M`, size: 807_694_000, quantizationLevel: 'Q4_K_M' };
export const HF_LIBRARY: FakeModelSeed[] = [HF_LLAMA32_1B_F16, HF_LLAMA32_1B_Q8_0, HF_LLAMA32_1B_Q4_K_M];

export interface Preset {
  models: FakeModelSeed[];
  library: FakeModelSeed[];
}

export const PRESETS: Record<string, Preset> = {
  /** llama3 and property-manager-v1 present, so the seed registry shows mixed statuses; qwen3:30b pullable. */
  seed: { models: [LLAMA3, PROPERTY_MANAGER_V1], library: [LLAMA3, QWEN3_30B, LLAMA32_FP16, ...HF_LIBRARY] },
  empty: { models: [], library: [LLAMA3, QWEN3_30B, LLAMA32_FP16, ...HF_LIBRARY] },
  /** The seed world plus real architectures with their GGUF metadata (llama, qwen3, gemma3) and a cloud model. */
  facts: { models: [LLAMA3, PROPERTY_MANAGER_V1, LLAMA31_8B, QWEN3_8B, GEMMA3_12B, GPT_OSS_CLOUD], library: [LLAMA3, QWEN3_30B, LLAMA32_FP16, ...HF_LIBRARY] },
};
