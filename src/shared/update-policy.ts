import { isFinished, type Job, type JobKind } from './jobs';

/**
 * When the desktop app looks for a new version and when it may restart into one. Pure rules, so
 * the updater's wiring (electron-updater, in main) only asks them: check at start and then daily,
 * never in headless mode or an unpackaged build, never when the user turned updates off; restart
 * only when no job would be cut short.
 */

export const UPDATE_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface UpdateCheckContext {
  mode: 'desktop' | 'headless';
  /** A packaged app: a build run from the repository has nothing to update. */
  packaged: boolean;
  /** The "Check for updates" setting. */
  enabled: boolean;
  /** When the last check ran (ms since the epoch); null: not since the app started. */
  lastCheckAt: number | null;
  now: number;
}

/** Milliseconds until the next check is due (0: now); null when this app never checks. */
export function msUntilUpdateCheck(context: UpdateCheckContext): number | null {
  if (context.mode !== 'desktop' || !context.packaged || !context.enabled) return null;
  if (context.lastCheckAt === null) return 0;
  return Math.max(0, context.lastCheckAt + UPDATE_CHECK_INTERVAL_MS - context.now);
}

export type RestartVerdict = { allowed: true } | { allowed: false; reason: string };

const JOB_WORDS: Record<JobKind, string> = {
  create: 'creating',
  pull: 'downloading',
  delete: 'deleting',
  upload: 'uploading a file for',
  eval: 'evaluating',
  apply: 'applying a plan for',
  preload: 'loading',
};

/** A restart ends every job in progress, so it waits until none is queued or running. */
export function restartVerdict(jobs: readonly Pick<Job, 'kind' | 'target' | 'state'>[]): RestartVerdict {
  const unfinished = jobs.filter((job) => !isFinished(job.state));
  const first = unfinished[0];
  if (!first) return { allowed: true };
  const others = unfinished.length - 1;
  const more = others > 0 ? ` and ${others} other job${others === 1 ? '' : 's'}` : '';
  return { allowed: false, reason: `Restart after Modelwright finishes ${JOB_WORDS[first.kind]} ${first.target}${more}.` };
}
