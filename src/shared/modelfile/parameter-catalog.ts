/**
 * Every PARAMETER Ollama accepts: the JSON names of its `api.Options` struct (with the embedded
 * `Runner`) in ollama/ollama api/types.go, typed as `api.FormatParams` types them. Names are
 * case-sensitive.
 */

export type ParameterType = 'int' | 'float' | 'bool' | 'string-list';

export interface ParameterInfo {
  name: string;
  type: ParameterType;
  /** One line for the editor's completion list. */
  help: string;
}

export const parameterCatalog: readonly ParameterInfo[] = [
  { name: 'num_ctx', type: 'int', help: 'Context window in tokens: how much text the model sees at once.' },
  { name: 'num_batch', type: 'int', help: 'Prompt tokens processed per batch.' },
  { name: 'num_gpu', type: 'int', help: 'Layers offloaded to the GPU (0 runs on the CPU only).' },
  { name: 'main_gpu', type: 'int', help: 'The GPU used for small tensors when there are several.' },
  { name: 'use_mmap', type: 'bool', help: 'Map the model file into memory instead of reading it whole.' },
  { name: 'num_thread', type: 'int', help: 'CPU threads used for generation (default: detected).' },
  { name: 'draft_num_predict', type: 'int', help: 'Tokens the DRAFT model proposes per step.' },
  { name: 'num_keep', type: 'int', help: 'Tokens from the start of the prompt kept when the context fills up.' },
  { name: 'seed', type: 'int', help: 'Random seed: the same seed gives the same output for the same prompt.' },
  { name: 'num_predict', type: 'int', help: 'Most tokens to generate (-1: no limit).' },
  { name: 'top_k', type: 'int', help: 'Sample only from the K most likely tokens.' },
  { name: 'top_p', type: 'float', help: 'Sample from the fewest tokens whose probabilities add up to P.' },
  { name: 'min_p', type: 'float', help: "Drop tokens less likely than P times the likeliest token's probability." },
  { name: 'typical_p', type: 'float', help: 'Locally typical sampling (1.0 turns it off).' },
  { name: 'repeat_last_n', type: 'int', help: 'How many recent tokens count for repetition (0: off, -1: num_ctx).' },
  { name: 'temperature', type: 'float', help: 'Randomness: higher is more creative, lower more focused.' },
  { name: 'repeat_penalty', type: 'float', help: 'How strongly repeated tokens are penalised (1.0: not at all).' },
  { name: 'presence_penalty', type: 'float', help: 'Penalty for tokens that have appeared at all.' },
  { name: 'frequency_penalty', type: 'float', help: 'Penalty that grows with how often a token has appeared.' },
  { name: 'stop', type: 'string-list', help: 'Stop generating at this text; repeat the line for several.' },
];

/** Names Ollama skips with a warning (parser.go `deprecatedParameters`). */
export const DEPRECATED_PARAMETERS: readonly string[] = [
  'penalize_newline',
  'low_vram',
  'f16_kv',
  'logits_all',
  'vocab_only',
  'use_mlock',
  'mirostat',
  'mirostat_tau',
  'mirostat_eta',
];

const byName = new Map(parameterCatalog.map((info) => [info.name, info]));

export function parameterInfo(name: string): ParameterInfo | undefined {
  return byName.get(name);
}

export function isDeprecatedParameter(name: string): boolean {
  return DEPRECATED_PARAMETERS.includes(name);
}
