import { isFinished, type Job } from '../../../shared/jobs';

/**
 * Whether `next` should replace `prev` (same id). A list answer can be older than an event that
 * overtook it: a finished job never goes back to running, and a job never loses steps.
 */
export function isNewerJob(prev: Job | undefined, next: Job): boolean {
  if (!prev) return true;
  const prevDone = isFinished(prev.state);
  const nextDone = isFinished(next.state);
  if (prevDone !== nextDone) return nextDone;
  if (prevDone) return true;
  return next.steps.length >= prev.steps.length;
}
