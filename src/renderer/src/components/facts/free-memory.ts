import type { RunningModel } from '../../../../shared/contract';

/**
 * What /api/ps suggests about free GPU memory: nothing, usually (it reports what models use, not
 * what is free). Only when a loaded model did not fit entirely (size_vram below size) does it
 * tell: the GPU is then full with what the loaded models hold there, so their size_vram summed is
 * about its usable memory. Null otherwise.
 */
export function suggestedGpuMemory(running: readonly RunningModel[] | null | undefined): number | null {
  if (!running || !running.some((m) => m.sizeVram > 0 && m.sizeVram < m.size)) return null;
  return running.reduce((sum, m) => sum + m.sizeVram, 0);
}

/** "6.5" (GB, as Ollama prints sizes) to bytes; null for anything that is not a positive number. */
export function parseGigabytes(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return Number.isFinite(value) && value > 0 ? Math.round(value * 1e9) : null;
}
