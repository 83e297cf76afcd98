import { humanBytes } from './human-bytes';
import type { JobProgress } from './jobs';

/**
 * How a job's progress reads, wherever it is shown (the app's job panel, the command line's
 * bars and lines): percent, time left, and the bytes/percent/speed/time-left figures.
 */

/** Time left, coarse as people say it: "< 1 s", "45 s", "3 min 05 s", "2 h 07 min". */
export function formatEta(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  if (s < 1) return '< 1 s';
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  const minutes = Math.round(s / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** Whole percent, never 100 before the end: a bar that reads 100% while still working looks stuck. */
export function wholePercent(percent: number): number {
  if (!Number.isFinite(percent)) return 0;
  return Math.min(100, Math.max(0, Math.floor(percent)));
}

/** Percent of a progress line, from its own figure or from completed/total. */
export function percentOf(progress: Pick<JobProgress, 'percent' | 'total' | 'completed'>): number | null {
  if (progress.percent !== null) return progress.percent;
  if (progress.total && progress.total > 0) return ((progress.completed ?? 0) / progress.total) * 100;
  return null;
}

/**
 * "1.2 GB of 4.7 GB · 25% · 50 MB/s · 1 min 10 s left" (bytes as `ollama pull` prints them), or
 * null when Ollama gave no total.
 */
export function transferFigures(progress: JobProgress): string | null {
  const percent = percentOf(progress);
  if (percent === null || progress.total === null || progress.total <= 0) return null;
  const parts = [`${humanBytes(progress.completed ?? 0)} of ${humanBytes(progress.total)}`, `${wholePercent(percent)}%`];
  if (progress.bytesPerSecond !== null && progress.bytesPerSecond > 0) parts.push(`${humanBytes(progress.bytesPerSecond)}/s`);
  if (progress.etaSeconds !== null) parts.push(`${formatEta(progress.etaSeconds)} left`);
  return parts.join(' · ');
}
