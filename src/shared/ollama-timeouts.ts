import { z } from 'zod';

/**
 * The time limits for talking to Ollama, as the user sets them (Settings, `serve` flags), in
 * seconds. Slow is not stalled: the stall limit is how long Ollama may send nothing at all during
 * a long request (create, pull, chat, loading a model, a blob upload) before it is given up, and
 * its default is long enough for a large model loading on a CPU. The wait shows after a few seconds.
 */

export const OLLAMA_TIMEOUT_LIMITS = {
  connectSeconds: { min: 0.1, max: 300, default: 10 },
  callSeconds: { min: 0.1, max: 600, default: 5 },
  stallSeconds: { min: 0.1, max: 86_400, default: 600 },
} as const;

export type OllamaTimeoutName = keyof typeof OLLAMA_TIMEOUT_LIMITS;

const seconds = (name: OllamaTimeoutName) => {
  const { min, max } = OLLAMA_TIMEOUT_LIMITS[name];
  return z.number().min(min, `must be at least ${min} s`).max(max, `must be at most ${max} s`);
};

export const ollamaTimeoutsSchema = z.object({
  /** Opening a connection to Ollama. */
  connectSeconds: seconds('connectSeconds'),
  /** A quick call (version, model list, running models, show) answered in full. */
  callSeconds: seconds('callSeconds'),
  /** No answer at all during a long request for this long: Ollama stalled. */
  stallSeconds: seconds('stallSeconds'),
});
export type OllamaTimeoutSettings = z.infer<typeof ollamaTimeoutsSchema>;

/** A change from Settings: any of the three. */
export const ollamaTimeoutsPatchSchema = z.strictObject({
  connectSeconds: seconds('connectSeconds').optional(),
  callSeconds: seconds('callSeconds').optional(),
  stallSeconds: seconds('stallSeconds').optional(),
});
export type OllamaTimeoutsPatch = z.infer<typeof ollamaTimeoutsPatchSchema>;

export const DEFAULT_OLLAMA_TIMEOUT_SETTINGS: OllamaTimeoutSettings = {
  connectSeconds: OLLAMA_TIMEOUT_LIMITS.connectSeconds.default,
  callSeconds: OLLAMA_TIMEOUT_LIMITS.callSeconds.default,
  stallSeconds: OLLAMA_TIMEOUT_LIMITS.stallSeconds.default,
};

/** After this much silence the wait is shown: a few seconds, or sooner under a very short limit. */
export function noticeMsFor(stallMs: number): number {
  return Math.min(5_000, Math.max(50, Math.round(stallMs / 2)));
}
