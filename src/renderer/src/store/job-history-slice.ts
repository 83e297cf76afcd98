import { isFinished, type Job, type JobKind } from '../../../shared/jobs';
import { attempt, type ActionResult } from './action-result';
import type { SliceCreator } from './app-state';

/** What the Jobs page shows: one kind or all, and jobs by how they stand or ended. */
export const JOB_STATE_FILTERS = ['all', 'active', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
export type JobStateFilter = (typeof JOB_STATE_FILTERS)[number];

export interface JobFilters {
  kind: JobKind | 'all';
  state: JobStateFilter;
}

export const DEFAULT_JOB_FILTERS: JobFilters = { kind: 'all', state: 'all' };

export function matchesJobFilters(job: Job, filters: JobFilters): boolean {
  if (filters.kind !== 'all' && job.kind !== filters.kind) return false;
  if (filters.state === 'all') return true;
  if (filters.state === 'active') return !isFinished(job.state);
  return job.state === filters.state;
}

export interface JobHistorySlice {
  jobFilters: JobFilters;
  setJobFilters(patch: Partial<JobFilters>): void;
  /** Forgets finished jobs here and in main's saved history. Errors are also notified. */
  clearFinishedJobs(): Promise<ActionResult<number>>;
}

export const createJobHistorySlice: SliceCreator<JobHistorySlice> = ({ client }) => (set, get) => ({
  jobFilters: DEFAULT_JOB_FILTERS,
  setJobFilters(patch) {
    set((state) => ({ jobFilters: { ...state.jobFilters, ...patch } }));
  },
  async clearFinishedJobs() {
    const result = await attempt(async () => (await client.call('jobs.clearFinished', {})).removed);
    if (!result.ok) {
      get().notifyError('Could not clear the finished jobs', result.error);
      return result;
    }
    set((state) => ({ jobs: Object.fromEntries(Object.entries(state.jobs).filter(([, job]) => !isFinished(job.state))) }));
    return result;
  },
});
