import { z } from 'zod';
import { huggingFaceQuant, isHuggingFaceName } from './hf-model-name';
import { sameModel } from './model-name';

/**
 * `quantize` on `/api/create`: the types Ollama makes (fs/ggml/type.go `ParseFileType`: F32, F16,
 * BF16, Q8_0, Q4_K_S, Q4_K_M, with Q4_K as another name for Q4_K_M; the request's value is
 * upper-cased first), and only from F16, BF16 or F32 weights (server/create.go `createModel`:
 * "quantization is only supported for F16, BF16 and F32 models"). The Modelfile has no such
 * instruction: it is a field of the request, kept with the registry entry.
 */

export const QUANTIZE_TYPES = ['Q4_K_M', 'Q4_K_S', 'Q8_0', 'F16', 'BF16', 'F32'] as const;
export type QuantizeType = (typeof QUANTIZE_TYPES)[number];

export const QUANTIZABLE_SOURCES = ['F16', 'BF16', 'F32'] as const;

const ALIASES: Record<string, QuantizeType> = { Q4_K: 'Q4_K_M' };

/** The type Ollama would make of `value`, spelled as the list spells it; null when Ollama refuses it. */
export function quantizeTypeOf(value: string): QuantizeType | null {
  const upper = value.trim().toUpperCase();
  return (QUANTIZE_TYPES as readonly string[]).includes(upper) ? (upper as QuantizeType) : (ALIASES[upper] ?? null);
}

export function quantizeProblem(value: string): string | null {
  if (quantizeTypeOf(value) !== null) return null;
  return `"${value}" is not a type Ollama quantizes to; use one of ${QUANTIZE_TYPES.join(', ')}`;
}

/** The entry's `quantize` as the file and the calls carry it: one of Ollama's types, case-insensitive. */
export const quantizeFieldSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = quantizeProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((value) => quantizeTypeOf(value) as QuantizeType);

/** Where the source's weight type was learnt, so the explanation can say how sure it is. */
export type WeightTypeSource = 'ollama' | 'hf-tag';

export interface SourceWeights {
  /** `details.quantization_level` as Ollama reports it (`F16`, `Q4_K_M`), or the Hugging Face tag's. */
  type: string | null;
  from: WeightTypeSource | null;
}

/**
 * The weight type of a base: what Ollama lists for it, else, for a Hugging Face name not pulled
 * yet, the quantization its tag asks for (Hugging Face serves that file). Otherwise unknown.
 */
export function sourceWeightsOf(base: string, ollamaModels: readonly { name: string; details?: { quantization_level?: string | undefined } }[]): SourceWeights {
  const listed = ollamaModels.find((m) => sameModel(m.name, base));
  const level = listed?.details?.quantization_level;
  if (level) return { type: level.toUpperCase(), from: 'ollama' };
  if (isHuggingFaceName(base)) {
    const quant = huggingFaceQuant(base);
    if (quant !== null) return { type: quant, from: 'hf-tag' };
  }
  return { type: null, from: null };
}

export type QuantizeGate = { allowed: true; source: string; types: readonly QuantizeType[] } | { allowed: false; reason: string };

/** Whether quantizing is on offer for a base, and if not, why, in words for the user. */
export function quantizeGate(base: string, weights: SourceWeights): QuantizeGate {
  const name = base.trim();
  if (name === '') return { allowed: false, reason: 'Choose a base model first.' };
  const { type } = weights;
  if (type === null) {
    return {
      allowed: false,
      reason: `Ollama quantizes only F16, BF16 or F32 weights, and the weight type of ${name} is not known yet: pull it first (Base models), then come back.`,
    };
  }
  if (!(QUANTIZABLE_SOURCES as readonly string[]).includes(type)) {
    const seen = weights.from === 'hf-tag' ? `its tag asks for ${type}` : `Ollama lists it as ${type}`;
    return {
      allowed: false,
      reason: `${name} is already quantized (${seen}); Ollama quantizes only F16, BF16 or F32 weights. Pick an F16, BF16 or F32 build of it to quantize.`,
    };
  }
  return { allowed: true, source: type, types: QUANTIZE_TYPES };
}
