import { z } from 'zod';

/**
 * Ollama's `keep_alive`, as its `api.Duration` reads it: a number is seconds, a string is a Go
 * duration ("30m", "1h30m"), a negative value keeps the model loaded until it is unloaded, and 0
 * unloads it at once. Loading uses every form but 0 (unloading has its own call).
 */

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1e3, m: 60e3, h: 3600e3 };
const GO_DURATION = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const GO_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g;

/** Milliseconds of a Go duration ("1h30m" → 5 400 000); null when it is not one. "0" is zero, as in Go. */
export function goDurationMs(text: string): number | null {
  if (text === '0' || text === '-0' || text === '+0') return 0;
  if (!GO_DURATION.test(text)) return null;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(GO_PART)) total += Number(amount) * (UNIT_MS[unit ?? ''] ?? 0);
  return text.startsWith('-') ? -total : total;
}

/** Milliseconds a keep_alive keeps a model; negative means until unloaded; null when invalid. */
export function keepAliveMs(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value * 1000 : null;
  return goDurationMs(value.trim());
}

export const keepAliveSchema = z
  .union([z.number().int().min(-1).max(10 * 365 * 24 * 3600), z.string().trim().max(40)])
  .superRefine((value, ctx) => {
    const ms = keepAliveMs(value);
    if (ms === null) ctx.addIssue({ code: 'custom', message: 'must be seconds or a duration such as "30m" or "1h"' });
    else if (ms === 0) ctx.addIssue({ code: 'custom', message: 'cannot be 0 (that unloads the model; use Unload)' });
  });
export type KeepAliveValue = z.infer<typeof keepAliveSchema>;

/** The durations a Load button offers; `null` leaves keep_alive out (Ollama's default, 5 minutes unless OLLAMA_KEEP_ALIVE says otherwise). */
export const KEEP_ALIVE_CHOICES: ReadonlyArray<{ id: string; label: string; value: KeepAliveValue | null }> = [
  { id: 'default', label: "Load (Ollama's default time)", value: null },
  { id: '30m', label: 'Load for 30 minutes', value: '30m' },
  { id: '2h', label: 'Load for 2 hours', value: '2h' },
  { id: 'forever', label: 'Keep loaded until unloaded', value: -1 },
];
