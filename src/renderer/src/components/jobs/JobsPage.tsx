import { matchesJobFilters } from '../../store/job-history-slice';
import { selectJobLists } from '../../store/job-selectors';
import { useAppStore } from '../../store/store-context';
import { JobPanel } from './JobPanel';
import { JobsToolbar } from './JobsToolbar';

/** Long work, active first: leaving this page (or any other) never stops a job. */
export function JobsPage() {
  const lists = useAppStore(selectJobLists);
  const filters = useAppStore((s) => s.jobFilters);
  const filtered = filters.kind !== 'all' || filters.state !== 'all';
  const active = filtered ? lists.active.filter((job) => matchesJobFilters(job, filters)) : lists.active;
  const recent = filtered ? lists.recent.filter((job) => matchesJobFilters(job, filters)) : lists.recent;
  const status = useAppStore((s) => s.jobsStatus);
  const error = useAppStore((s) => s.jobsError);
  const loadJobs = useAppStore((s) => s.loadJobs);

  return (
    <section className="page" aria-labelledby="jobs-title">
      <header className="page__header">
        <h1 id="jobs-title">Jobs</h1>
        <p className="page__summary" role="status" data-testid="jobs-summary">
          {active.length > 0 ? `${active.length} active · ` : ''}
          {recent.length} recent{filtered ? ` · ${active.length + recent.length} of ${lists.active.length + lists.recent.length} jobs match the filters` : ''}
        </p>
        <div className="page__actions">
          <JobsToolbar finished={lists.recent.length} />
        </div>
      </header>
      <div className="page__scroll page__scroll--padded">
        {status === 'failed' && (
          <div className="inline-alert" role="alert">
            <span>The job history could not be loaded: {error}</span>
            <button type="button" className="button button--small" onClick={() => void loadJobs()}>
              Try again
            </button>
          </div>
        )}
        <section className="jobs-section" aria-labelledby="jobs-active-title" data-testid="jobs-active">
          <h2 id="jobs-active-title">
            Active <span className="count-badge">{active.length}</span>
          </h2>
          {active.length === 0 ? (
            <p className="jobs-empty">
              {filtered && lists.active.length > 0
                ? 'No active job matches the filters.'
                : 'Nothing is running. Create a model from its card or its Modelfile and its progress shows here.'}
            </p>
          ) : (
            <div className="jobs-list">
              {active.map((job) => (
                <JobPanel key={job.id} job={job} showTarget />
              ))}
            </div>
          )}
        </section>
        <section className="jobs-section" aria-labelledby="jobs-recent-title" data-testid="jobs-recent">
          <h2 id="jobs-recent-title">
            Recent <span className="count-badge">{recent.length}</span>
          </h2>
          {recent.length === 0 ? (
            <p className="jobs-empty">
              {status === 'loading' ? 'Loading…' : filtered && lists.recent.length > 0 ? 'No finished job matches the filters.' : 'No finished jobs yet.'}
            </p>
          ) : (
            <div className="jobs-list">
              {recent.map((job) => (
                <JobPanel key={job.id} job={job} showTarget foldSteps />
              ))}
            </div>
          )}
        </section>
      </div>
    </section>
  );
}
