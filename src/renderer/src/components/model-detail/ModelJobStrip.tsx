import { useState } from 'react';
import type { ModelEntry } from '../../../../shared/registry';
import { isActive } from '../../models/job-format';
import { selectLatestJobFor } from '../../store/job-selectors';
import { useAppStore } from '../../store/store-context';
import { JobPanel } from '../jobs/JobPanel';

/**
 * The model's job above every tab: while it runs, after it failed, and after a success the user
 * watched happen here (it does not vanish the moment it ends). Older successes live in History.
 */
export function ModelJobStrip({ model }: { model: ModelEntry }) {
  const job = useAppStore(selectLatestJobFor(model.name));
  const [watched, setWatched] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const active = job !== null && isActive(job);
  // Remembered during render (React's pattern for state derived from changing props).
  if (job && active && watched !== job.id) setWatched(job.id);
  if (!job || job.id === dismissed) return null;
  if (job.state === 'succeeded' && job.id !== watched) return null;
  return (
    <div className={active ? 'detail__job' : 'detail__job detail__job--closable'}>
      <JobPanel job={job} foldSteps retry={false} />
      {!active && (
        <button type="button" className="icon-button detail__job-close" aria-label="Hide this job" onClick={() => setDismissed(job.id)}>
          <span aria-hidden="true">×</span>
        </button>
      )}
    </div>
  );
}
