import { isFinished, type Job } from '../../../shared/jobs';
import { familyOf } from '../../../shared/versions';
import type { AppState } from './app-state';

export interface ActiveEval {
  job: Job;
  /** Null for a run started elsewhere (another window, the command line): its job is known, its run id not. */
  runId: string | null;
}

/**
 * The family's eval that is still running: one started here (its run id is known), else any eval
 * job about the family. Its progress and Cancel come from the job.
 */
export function selectActiveEval(family: string) {
  const key = familyOf(family);
  return (s: AppState): ActiveEval | null => {
    for (const [runId, jobId] of Object.entries(s.evalJobs)) {
      const job = s.jobs[jobId];
      if (job && !isFinished(job.state) && familyOf(job.target) === key) return { job, runId };
    }
    for (const job of Object.values(s.jobs)) {
      if (job.kind === 'eval' && !isFinished(job.state) && familyOf(job.target) === key) return { job, runId: null };
    }
    return null;
  };
}
