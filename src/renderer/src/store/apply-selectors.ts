import type { Job } from '../../../shared/jobs';
import { memoizeLast } from '../models/memoize-last';
import type { AppState } from './app-state';

const NO_JOBS: readonly Job[] = [];

const childJobs = memoizeLast((jobs: Readonly<Record<string, Job>>, apply: Job | undefined, hostsKey: string, primary: string | null): readonly Job[] => {
  if (!apply) return NO_JOBS;
  const hosts = new Set(hostsKey.split('\n'));
  // A job on the primary names no host.
  const hostOf = (job: Job) => job.host ?? primary;
  const children = Object.values(jobs).filter((job) => {
    const host = hostOf(job);
    return job.id !== apply.id && job.kind !== 'apply' && host !== null && hosts.has(host) && job.createdAt >= apply.createdAt;
  });
  return children.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
});

/**
 * The jobs an apply started: the creates, pulls, preloads and removes on the hosts it changes, since it began, in order. (A job
 * names its host, not its parent; another deploy started meanwhile on those hosts shows here too,
 * which is where the user would look for it.)
 */
export const selectApplyChildren = (applyJobId: string | null, hosts: readonly string[], primary: string | null) => {
  const key = hosts.join('\n');
  return (s: AppState) => childJobs(s.jobs, applyJobId ? s.jobs[applyJobId] : undefined, key, primary);
};
