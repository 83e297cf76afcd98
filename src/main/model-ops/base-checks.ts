import type { OllamaModel } from '../../shared/contract';
import { parseBaseModelName } from '../../shared/base-model-name';
import { AppError } from '../../shared/errors';
import { quantizeGate, sourceWeightsOf } from '../../shared/quantize';

/** The checks on the base a new model or version is built on, each failing with the field named. */

/** The base as it is written into FROM and the registry (a pasted `https://hf.co/…` loses its scheme). */
export function requireValidBase(base: string): string {
  const parsed = parseBaseModelName(base);
  if (parsed.ok) return parsed.name;
  throw new AppError('validation', `"${base}" cannot be a base model: ${parsed.problem}.`, [{ path: 'base_model', message: parsed.problem }]);
}

/** Quantizing is asked for: the base's weights must be F16, BF16 or F32 as far as can be known now. */
export function requireQuantizable(base: string, ollama: readonly OllamaModel[]): void {
  const gate = quantizeGate(base, sourceWeightsOf(base, ollama));
  if (!gate.allowed) throw new AppError('validation', gate.reason, [{ path: 'quantize', message: gate.reason }]);
}
