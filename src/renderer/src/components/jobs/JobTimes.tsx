import type { Job } from '../../../../shared/jobs';
import { useNow } from '../../hooks/use-now';
import { elapsedMs, formatElapsed, formatWhen, isActive } from '../../models/job-format';

/** When the job started and how long it ran (ticking while it runs). */
export function JobTimes({ job }: { job: Job }) {
  const active = isActive(job);
  const now = useNow(active && job.startedAt !== null);
  const elapsed = elapsedMs(job.startedAt, job.endedAt, now);
  return (
    <span className="job-times">
      {job.startedAt ? (
        <>
          <span>
            Started <time dateTime={job.startedAt}>{formatWhen(job.startedAt, now)}</time>
          </span>
          {elapsed !== null && (
            <span data-testid="job-elapsed" title={active ? 'Elapsed' : 'Took'}>
              {active ? `${formatElapsed(elapsed)} elapsed` : `took ${formatElapsed(elapsed)}`}
            </span>
          )}
        </>
      ) : (
        <span>
          Queued <time dateTime={job.createdAt}>{formatWhen(job.createdAt, now)}</time>
        </span>
      )}
    </span>
  );
}
