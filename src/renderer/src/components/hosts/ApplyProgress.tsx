import type { Plan } from '../../../../shared/deploy/plan-schema';
import type { Job } from '../../../../shared/jobs';
import { isActive, JOB_KIND_LABELS, percentOf } from '../../models/job-format';
import { selectApplyChildren } from '../../store/apply-selectors';
import { useAppStore } from '../../store/store-context';
import { ProgressBar } from '../common/ProgressBar';
import { JobStateChip } from '../jobs/JobStateChip';
import { MessageText } from '../text/MessageText';
import { changesLabel } from '../../models/plan-words';

/** The plan being applied: the apply job's own progress, then each create and pull it started. */
export function ApplyProgress({ plan, jobId }: { plan: Plan; jobId: string | null }) {
  const job = useAppStore((s) => (jobId ? s.jobs[jobId] : undefined));
  const changed = plan.hosts.filter((h) => h.actions.length > 0).map((h) => h.host);
  const primary = plan.hosts.find((h) => h.primary)?.host ?? null;
  const children = useAppStore(selectApplyChildren(jobId, changed, primary));
  if (jobId === null || plan.changes === 0) {
    return (
      <p role="status" data-testid="apply-nothing">
        Nothing to do: by the time it started, every host already matched the registry.
      </p>
    );
  }
  if (!job) {
    return (
      <p role="status">
        <span className="spinner" aria-hidden="true" /> Starting…
      </p>
    );
  }
  const active = isActive(job);
  return (
    <div className="apply-progress" data-testid="apply-progress" data-job-state={job.state}>
      <p className="apply-progress__head">
        <JobStateChip state={job.state} />
        <span role="status" data-testid="apply-summary">
          {active
            ? `Applying ${changesLabel(plan.changes)} on ${changed.length === 1 ? changed[0] : `${changed.length} hosts`}…`
            : job.state === 'succeeded'
              ? `Applied ${changesLabel(plan.changes)}. The hosts match the registry.`
              : job.state === 'cancelled'
                ? 'Stopped. What finished stays done; apply again to do the rest.'
                : 'The apply did not finish. What finished stays done; see why below, then apply again.'}
        </span>
      </p>
      {active && job.progress && <ApplyBar progress={job.progress} />}
      {job.error && (
        <p className="field-error" data-testid="apply-error">
          <MessageText text={job.error} />
        </p>
      )}
      {children.length > 0 && (
        <ul className="apply-children" aria-label="Jobs on each host" data-testid="apply-children">
          {children.map((child) => {
            const percent = child.progress ? percentOf(child.progress) : null;
            return (
              <li key={child.id} className="apply-child" data-testid="apply-child" data-job-state={child.state}>
                <span className="apply-child__what">
                  {JOB_KIND_LABELS[child.kind]} <span className="mono">{child.target}</span> on {child.host ?? primary}
                </span>
                <JobStateChip state={child.state} />
                {isActive(child) && <ProgressBar percent={percent} label={`${JOB_KIND_LABELS[child.kind]} ${child.target} on ${child.host ?? primary ?? ''}`} size="thin" />}
                {child.error && (
                  <span className="apply-child__error">
                    <MessageText text={child.error} />
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** The apply's own line: its totals count actions, not bytes ("1 of 3 done"). */
function ApplyBar({ progress }: { progress: NonNullable<Job['progress']> }) {
  const percent = percentOf(progress);
  return (
    <div className="job-progress" data-testid="job-progress">
      <div className="job-progress__status" title={progress.status}>
        {progress.status}
      </div>
      <ProgressBar percent={percent} label={`Applying: ${progress.status}`} />
      {progress.total !== null && progress.total > 0 && (
        <div className="job-progress__figures" data-testid="apply-count">
          {progress.completed ?? 0} of {progress.total} done
        </div>
      )}
    </div>
  );
}
