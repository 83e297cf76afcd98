import { useState } from 'react';
import type { Job } from '../../../../shared/jobs';
import { isActive, retryLabel } from '../../models/job-format';
import { canRetry } from '../../store/jobs-slice';
import { useAppStore } from '../../store/store-context';
import { useOllamaGate } from '../common/use-ollama-gate';

/** Cancel while a job runs; Retry once a create or pull ended without success. */
export function JobActions({ job, openModel = false, retry: offerRetry = true }: { job: Job; openModel?: boolean; retry?: boolean }) {
  const cancelJob = useAppStore((s) => s.cancelJob);
  const retryJob = useAppStore((s) => s.retryJob);
  const open = useAppStore((s) => s.openModel);
  const openEvals = useAppStore((s) => s.openEvals);
  const isModel = useAppStore((s) => job.target in (s.snapshot?.registry.models ?? {}));
  const readOnly = useAppStore((s) => s.snapshot?.readOnly ?? false);
  const [cancelling, setCancelling] = useState(false);
  const gate = useOllamaGate();

  const active = isActive(job);
  // A create needs its registry entry; a pull needs nothing but the name.
  const retry = offerRetry && canRetry(job) && (job.kind !== 'create' || (isModel && !readOnly));

  return (
    <div className="job-actions">
      {/* An evaluation's target is its family: its results, not a model, are what to open. */}
      {openModel && job.kind === 'eval' && (
        <button type="button" className="button button--small" onClick={() => openEvals(job.target)}>
          Show results
        </button>
      )}
      {openModel && isModel && job.kind !== 'eval' && (
        <button type="button" className="button button--small" onClick={() => open(job.target)}>
          Open model
        </button>
      )}
      {active && (
        <button
          type="button"
          className="button button--small"
          data-testid="job-cancel"
          disabled={cancelling}
          aria-busy={cancelling}
          onClick={async () => {
            setCancelling(true);
            await cancelJob(job.id);
            setCancelling(false);
          }}
        >
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      )}
      {retry && (
        <>
          <button
            type="button"
            className="button button--small button--primary"
            data-testid="job-retry"
            disabled={gate.blocked}
            title={gate.reason ?? undefined}
            aria-describedby={gate.describedBy}
            onClick={() => retryJob(job)}
          >
            {retryLabel(job.kind)}
          </button>
          {gate.note}
        </>
      )}
    </div>
  );
}
