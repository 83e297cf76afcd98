import { useId, useState } from 'react';
import { JOB_KINDS, type JobKind } from '../../../../shared/jobs';
import { JOB_KIND_LABELS, JOB_STATE_LABELS } from '../../models/job-format';
import { JOB_STATE_FILTERS, type JobStateFilter } from '../../store/job-history-slice';
import { useAppStore } from '../../store/store-context';
import { Dialog } from '../common/Dialog';

const STATE_FILTER_LABELS: Record<JobStateFilter, string> = {
  all: 'Any state',
  active: 'Queued or running',
  succeeded: JOB_STATE_LABELS.succeeded,
  failed: JOB_STATE_LABELS.failed,
  cancelled: JOB_STATE_LABELS.cancelled,
  interrupted: JOB_STATE_LABELS.interrupted,
};

/** Which jobs the page lists (by kind and state), and forgetting the finished ones. */
export function JobsToolbar({ finished }: { finished: number }) {
  const filters = useAppStore((s) => s.jobFilters);
  const setJobFilters = useAppStore((s) => s.setJobFilters);
  const clearFinishedJobs = useAppStore((s) => s.clearFinishedJobs);
  const [confirming, setConfirming] = useState(false);
  const id = useId();

  return (
    <div className="jobs-toolbar" role="toolbar" aria-label="Job filters" data-testid="jobs-toolbar">
      <label htmlFor={`${id}-kind`}>Kind</label>
      <select
        id={`${id}-kind`}
        data-testid="jobs-filter-kind"
        value={filters.kind}
        onChange={(event) => setJobFilters({ kind: (JOB_KINDS as readonly string[]).includes(event.target.value) ? (event.target.value as JobKind) : 'all' })}
      >
        <option value="all">All kinds</option>
        {JOB_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {JOB_KIND_LABELS[kind]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-state`}>State</label>
      <select
        id={`${id}-state`}
        data-testid="jobs-filter-state"
        value={filters.state}
        onChange={(event) => setJobFilters({ state: JOB_STATE_FILTERS.find((f) => f === event.target.value) ?? 'all' })}
      >
        {JOB_STATE_FILTERS.map((state) => (
          <option key={state} value={state}>
            {STATE_FILTER_LABELS[state]}
          </option>
        ))}
      </select>
      <button type="button" className="button button--small jobs-toolbar__clear" data-testid="jobs-clear" disabled={finished === 0} onClick={() => setConfirming(true)}>
        Clear finished
      </button>
      {confirming && (
        <Dialog
          title={`Clear ${finished} finished ${finished === 1 ? 'job' : 'jobs'}?`}
          testId="jobs-clear-dialog"
          onCancel={() => setConfirming(false)}
          actions={
            <>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
              <button
                type="button"
                className="button button--primary"
                data-testid="jobs-clear-confirm"
                data-autofocus
                onClick={async () => {
                  setConfirming(false);
                  await clearFinishedJobs();
                }}
              >
                Clear
              </button>
            </>
          }
        >
          <p>Their logs and outcomes are removed from the history. Jobs still running or queued stay.</p>
        </Dialog>
      )}
    </div>
  );
}
