import type { JobState } from '../../../../shared/jobs';
import { JOB_STATE_LABELS } from '../../models/job-format';
import { JobStateIcon } from './JobStateIcon';

const HINTS: Record<JobState, string> = {
  queued: 'Waiting for another job on the same model to finish',
  running: 'Ollama is working on it',
  succeeded: 'Finished',
  failed: 'Ollama reported an error',
  cancelled: 'Stopped on request',
  interrupted: 'The app stopped while this job ran',
};

export function JobStateChip({ state }: { state: JobState }) {
  return (
    <span className="status-chip job-chip" data-job-state={state} data-testid="job-state" title={HINTS[state]}>
      <JobStateIcon state={state} />
      {JOB_STATE_LABELS[state]}
    </span>
  );
}
