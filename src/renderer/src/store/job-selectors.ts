import type { Job } from '../../../shared/jobs';
import { modelKey } from '../../../shared/model-name';
import { isActive } from '../models/job-format';
import { memoizeLast } from '../models/memoize-last';
import type { AppState } from './app-state';

const NO_JOBS: readonly Job[] = [];

const byNewest = (a: Job, b: Job) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);

export interface JobLists {
  /** Queued and running, in the order they started. */
  active: Job[];
  /** Finished, newest first. */
  recent: Job[];
}

const jobLists = memoizeLast((jobs: Readonly<Record<string, Job>>): JobLists => {
  const all = Object.values(jobs);
  return {
    active: all.filter(isActive).sort((a, b) => -byNewest(a, b)),
    recent: all.filter((j) => !isActive(j)).sort(byNewest),
  };
});
export const selectJobLists = (s: AppState) => jobLists(s.jobs);

export const selectActiveJobCount = (s: AppState) => jobLists(s.jobs).active.length;

/** Each model's jobs, newest first, keyed by model name key (so `x` and `x:latest` meet). */
const jobsByTarget = memoizeLast((jobs: Readonly<Record<string, Job>>): ReadonlyMap<string, readonly Job[]> => {
  const map = new Map<string, Job[]>();
  for (const job of Object.values(jobs)) {
    const key = modelKey(job.target);
    const list = map.get(key);
    if (list) list.push(job);
    else map.set(key, [job]);
  }
  for (const list of map.values()) list.sort(byNewest);
  return map;
});

export const selectJobsFor = (name: string) => (s: AppState) => jobsByTarget(s.jobs).get(modelKey(name)) ?? NO_JOBS;

/** The model's most recent job, whatever its state. */
export const selectLatestJobFor = (name: string) => (s: AppState) => jobsByTarget(s.jobs).get(modelKey(name))?.[0] ?? null;

/** The create job building the model now, if any. */
export const selectActiveCreateFor = (name: string) => (s: AppState) =>
  jobsByTarget(s.jobs)
    .get(modelKey(name))
    ?.find((job) => job.kind === 'create' && isActive(job)) ?? null;
