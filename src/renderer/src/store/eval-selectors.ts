import { isFinished, type Job } from '../../../shared/jobs';
import { familyOf } from '../../../shared/versions';
import type { AppState } from './app-state';

/**
 * The family's eval job still running: one started here first, else any eval job whose target
 * names the family (started in another window). Its progress and Cancel come
 * from the job. Returns the stored job itself, so the selector's answer is stable between updates.
 */
export function selectActiveEvalJob(family: string) {
  const key = familyOf(family);
  return (s: AppState): Job | null => {
    for (const started of Object.values(s.evalJobs)) {
      const job = s.jobs[started.jobId];
      if (job && !isFinished(job.state) && familyOf(started.family) === key) return job;
    }
    for (const job of Object.values(s.jobs)) {
      if (job.kind === 'eval' && !isFinished(job.state) && familyOf(job.target) === key) return job;
    }
    return null;
  };
}
