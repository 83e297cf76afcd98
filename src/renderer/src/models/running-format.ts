import type { RunningModel } from '../../../shared/contract';
import { formatBytes } from './format-bytes';
import { formatElapsed } from './job-format';

/**
 * How a loaded model's memory and remaining time read in the status bar. Ollama reports a model
 * kept "forever" (keep_alive < 0) with an expiry centuries away, so anything beyond a year is
 * shown as staying loaded rather than as a countdown of millions of hours.
 */

export const FOREVER_AFTER_MS = 365 * 24 * 3600_000;

export type UnloadTime = { kind: 'forever' } | { kind: 'in'; ms: number } | { kind: 'unknown' };

export function unloadTime(expiresAt: string, now: number): UnloadTime {
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) return { kind: 'unknown' };
  const ms = at - now;
  if (ms > FOREVER_AFTER_MS) return { kind: 'forever' };
  return { kind: 'in', ms: Math.max(0, ms) };
}

/** "Unloads in 4:32", "Stays loaded", "Unloading…" (the expiry passed; Ollama is letting it go). */
export function formatUnloadTime(time: UnloadTime): string {
  if (time.kind === 'forever') return 'Stays loaded';
  if (time.kind === 'unknown') return 'Unload time unknown';
  return time.ms <= 0 ? 'Unloading…' : `Unloads in ${formatElapsed(time.ms)}`;
}

/** Where the model sits, as `ollama ps` says it: "100% GPU", "100% CPU", "48%/52% CPU/GPU". */
export function formatProcessor(model: Pick<RunningModel, 'size' | 'sizeVram'>): string {
  if (model.size <= 0) return '—';
  const gpu = Math.round((Math.min(model.sizeVram, model.size) / model.size) * 100);
  if (gpu >= 100) return '100% GPU';
  if (gpu <= 0) return '100% CPU';
  return `${100 - gpu}%/${gpu}% CPU/GPU`;
}

export function formatMemory(model: Pick<RunningModel, 'size' | 'sizeVram'>): string {
  return `${formatBytes(model.size)} · ${formatProcessor(model)}`;
}
