import type { Job } from '../../../../shared/jobs';
import type { RunResult, RunState } from '../../../../shared/eval/run-record';
import { percentOf } from '../../models/job-format';

function duration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function rate(tokensPerSecond: number): string {
  return `${tokensPerSecond >= 100 ? Math.round(tokensPerSecond) : tokensPerSecond.toFixed(1)} tokens/s`;
}

/** "first token 310 ms · 42.1 tokens/s": what a results cell shows under its verdict. */
export function cellTimings(result: RunResult): string {
  const parts: string[] = [];
  if (result.timeToFirstTokenMs !== null) parts.push(`first token ${duration(result.timeToFirstTokenMs)}`);
  if (result.tokensPerSecond !== null) parts.push(rate(result.tokensPerSecond));
  return parts.join(' · ');
}

/** Every figure of a result, for its details. */
export function fullTimings(result: RunResult): string {
  const parts = [cellTimings(result), `${duration(result.totalMs)} total`];
  if (result.outputTokens !== null) parts.push(`${result.outputTokens} ${result.outputTokens === 1 ? 'token' : 'tokens'}`);
  return parts.filter(Boolean).join(' · ');
}

export const RUN_STATE_LABELS: Record<RunState, string> = {
  running: 'Running',
  completed: 'Finished',
  cancelled: 'Cancelled',
  failed: 'Failed',
  interrupted: 'Interrupted',
};

/** The eval job's line ("case 3 of 10 · support-bot-v2") and its bar, from the job's progress. */
export function evalProgress(job: Job): { text: string; percent: number | null } {
  const progress = job.progress;
  if (job.state === 'queued') return { text: 'Waiting to start…', percent: null };
  if (!progress) return { text: 'Starting…', percent: null };
  const counted = progress.total !== null && progress.completed !== null ? `case ${Math.min(progress.completed + 1, progress.total)} of ${progress.total}` : null;
  return { text: progress.status.trim() || counted || 'Running…', percent: percentOf(progress) };
}

/** `2026-12-03T13-45-12-123Z-3f9a` → a local date and time, for lists and headings. */
export function formatRunTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "1 case" / "3 cases". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
