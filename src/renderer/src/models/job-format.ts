import type { Job, JobKind, JobProgress, JobState } from '../../../shared/jobs';
import { formatBytes } from './format-bytes';

// Shared with the command line's progress output.
export { formatEta, percentOf, wholePercent } from '../../../shared/progress-format';

export const JOB_STATE_LABELS: Record<JobState, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

export const JOB_KIND_LABELS: Record<JobKind, string> = {
  create: 'Create',
  pull: 'Pull',
  delete: 'Delete',
  upload: 'Upload',
  eval: 'Evaluate',
  apply: 'Apply',
  preload: 'Preload',
};

/** What an active job is doing, as a verb: "Creating", "Pulling". */
export const JOB_KIND_VERBS: Record<JobKind, string> = {
  create: 'Creating',
  pull: 'Pulling',
  delete: 'Deleting',
  upload: 'Uploading',
  eval: 'Evaluating',
  apply: 'Applying',
  preload: 'Loading',
};

/** The button that runs a failed job again names what it runs: "Create again", "Pull again". */
export function retryLabel(kind: JobKind): string {
  return kind === 'pull' ? 'Pull again' : kind === 'create' ? 'Create again' : 'Try again';
}

export function isActive(job: Pick<Job, 'state'>): boolean {
  return job.state === 'queued' || job.state === 'running';
}

/** Elapsed time as a clock: "0:07", "12:30", "1:02:03". Tabular digits keep it from jittering as it ticks. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

export function formatRate(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

/** "1.2 GB of 4.7 GB", or null when Ollama gave no total. */
export function formatTransfer(progress: Pick<JobProgress, 'total' | 'completed'>): string | null {
  if (progress.total === null || progress.total <= 0) return null;
  return `${formatBytes(progress.completed ?? 0)} of ${formatBytes(progress.total)}`;
}

/** Milliseconds between two ISO times (the end defaults to now); null when the job has not started. */
export function elapsedMs(startedAt: string | null, endedAt: string | null, now: number): number | null {
  if (!startedAt) return null;
  const start = Date.parse(startedAt);
  const end = endedAt ? Date.parse(endedAt) : now;
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  return Math.max(0, end - start);
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A time of day for today's events, a date and time for older ones. */
export function formatWhen(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const sameDay = new Date(now).toDateString() === date.toDateString();
  return sameDay ? timeFormat.format(date) : dateTimeFormat.format(date);
}
