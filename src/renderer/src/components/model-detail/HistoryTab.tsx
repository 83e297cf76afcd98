import type { ModelEntry } from '../../../../shared/registry';
import { selectJobsFor } from '../../store/job-selectors';
import { useAppStore } from '../../store/store-context';
import { JobPanel } from '../jobs/JobPanel';

/** This model's jobs, newest first. */
export function HistoryTab({ model }: { model: ModelEntry }) {
  const jobs = useAppStore(selectJobsFor(model.name));
  const status = useAppStore((s) => s.jobsStatus);
  if (jobs.length === 0) {
    return (
      <p className="jobs-empty" data-testid="history-empty">
        {status === 'loading' ? 'Loading…' : 'No jobs for this model yet. Its builds show here once it is created.'}
      </p>
    );
  }
  return (
    <div className="jobs-list" data-testid="history">
      {jobs.map((job) => (
        <JobPanel key={job.id} job={job} foldSteps />
      ))}
    </div>
  );
}
