import type { Job } from '../../shared/jobs';

/**
 * A native notification when a long create or pull ends while the user is elsewhere: short jobs
 * and jobs watched in the window need none, and a job the user cancelled needs none either.
 * Main-process notifications are the app's own; the page's permission to notify stays refused.
 */

export const NOTIFY_AFTER_MS = 10_000;
const NOTIFIED_KINDS: ReadonlySet<Job['kind']> = new Set(['create', 'pull']);

export interface JobNotice {
  title: string;
  body: string;
  /** What a click on it opens in the window. */
  opens: { kind: 'create' | 'pull'; target: string };
}

function firstLine(text: string, max = 200): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The notice for a job update, or null when none is due. */
export function jobNotice(job: Job, windowFocused: boolean, minDurationMs = NOTIFY_AFTER_MS): JobNotice | null {
  if (windowFocused || !NOTIFIED_KINDS.has(job.kind)) return null;
  if (job.state !== 'succeeded' && job.state !== 'failed') return null;
  if (!job.startedAt || !job.endedAt) return null;
  const took = Date.parse(job.endedAt) - Date.parse(job.startedAt);
  if (!(took >= minDurationMs)) return null;
  const create = job.kind === 'create';
  const opens = { kind: create ? ('create' as const) : ('pull' as const), target: job.target };
  if (job.state === 'succeeded') {
    return create
      ? { title: 'Model created', body: `${job.target} is ready.`, opens }
      : { title: 'Download finished', body: `${job.target} is now in Ollama.`, opens };
  }
  const reason = job.error ? firstLine(job.error) : 'See the Jobs page for what happened.';
  return { title: create ? `Creating ${job.target} failed` : `Downloading ${job.target} failed`, body: reason, opens };
}

/** Feeds job updates through `jobNotice`, once per job (a final state may be delivered again). */
export function jobNotifier(deps: { windowFocused(): boolean; show(notice: JobNotice): void }): (job: Job) => void {
  const done = new Set<string>();
  return (job) => {
    if (done.has(job.id)) return;
    const notice = jobNotice(job, deps.windowFocused());
    if (job.state === 'succeeded' || job.state === 'failed' || job.state === 'cancelled' || job.state === 'interrupted') done.add(job.id);
    if (notice) deps.show(notice);
  };
}
