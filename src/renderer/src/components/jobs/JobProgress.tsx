import type { JobProgress as Progress } from '../../../../shared/jobs';
import { formatEta, formatRate, formatTransfer, percentOf, wholePercent } from '../../models/job-format';
import { ProgressBar } from '../common/ProgressBar';

/** The line Ollama is on now: a bar with bytes, percent, speed and time left when it gives totals. */
export function JobProgress({ progress }: { progress: Progress }) {
  const percent = percentOf(progress);
  const transfer = formatTransfer(progress);
  return (
    <div className="job-progress" data-testid="job-progress">
      <div className="job-progress__status" title={progress.status}>
        {progress.status}
      </div>
      <ProgressBar percent={percent} label={progress.status} testId="job-progress-bar" />
      {percent !== null && (
        <div className="job-progress__figures">
          {transfer && <span data-testid="job-bytes">{transfer}</span>}
          <span data-testid="job-percent">{wholePercent(percent)}%</span>
          {progress.bytesPerSecond !== null && progress.bytesPerSecond > 0 && (
            <span data-testid="job-speed">{formatRate(progress.bytesPerSecond)}</span>
          )}
          {progress.etaSeconds !== null && <span data-testid="job-eta">{formatEta(progress.etaSeconds)} left</span>}
        </div>
      )}
    </div>
  );
}
