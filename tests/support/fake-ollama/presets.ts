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
};

export const LLAMA32_FP16: FakeModelSeed = {
  name: 'llama3.2:3b-instruct-fp16',
  size: 6_433_703_958,
  family: 'llama',
  parameterSize: '3.2B',
  quantizationLevel: 'F16',
  contextLength: 131072,
};

export interface Preset {
  models: FakeModelSeed[];
  library: FakeModelSeed[];
}

export const PRESETS: Record<string, Preset> = {
  /** llama3 and property-manager-v1 present, so the seed registry shows mixed statuses; qwen3:30b pullable. */
  seed: { models: [LLAMA3, PROPERTY_MANAGER_V1], library: [LLAMA3, QWEN3_30B, LLAMA32_FP16] },
  empty: { models: [], library: [LLAMA3, QWEN3_30B, LLAMA32_FP16] },
};
