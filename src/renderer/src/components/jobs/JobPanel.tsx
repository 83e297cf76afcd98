import type { Job } from '../../../../shared/jobs';
import { JOB_KIND_LABELS, isActive } from '../../models/job-format';
import { ollamaWaitText } from '../../models/ollama-wait';
import { displayNameOf } from '../../models/model-labels';
import { useAppStore } from '../../store/store-context';
import { JobActions } from './JobActions';
import { JobProgress } from './JobProgress';
import { JobStateChip } from './JobStateChip';
import { JobSteps } from './JobSteps';
import { JobTimes } from './JobTimes';
import { ownValue } from '../../../../shared/own-key';
import { MessageText } from '../text/MessageText';
import { ModelName } from '../names/ModelName';

interface JobPanelProps {
  job: Job;
  /** On the Jobs page the model is named and can be opened; in a model's detail it goes without saying. */
  showTarget?: boolean;
  /** Finished jobs in long lists fold their steps and log away. */
  foldSteps?: boolean;
  /** False where a Retry sits close by already (the model detail's header). */
  retry?: boolean;
}

/** One job: what it is, its state, the line in progress, every step, how long, how it ended, and what can be done. */
export function JobPanel({ job, showTarget = false, foldSteps = false, retry = true }: JobPanelProps) {
  const entry = useAppStore((s) => ownValue(s.snapshot?.registry.models, job.target));
  const active = isActive(job);
  const kind = JOB_KIND_LABELS[job.kind];
  const steps = <JobSteps job={job} />;
  return (
    <section
      className="job-panel"
      aria-label={`${kind} ${job.target}${job.host ? ` on ${job.host}` : ''}`}
      data-testid="job-panel"
      data-job-id={job.id}
      data-job-state={job.state}
      data-job-kind={job.kind}
    >
      <header className="job-panel__head">
        <span className="job-panel__kind">{kind}</span>
        {showTarget && entry && <ModelName text={displayNameOf(entry)} className="job-panel__title" />}
        {showTarget && <ModelName text={job.target} className="job-panel__target" mono />}
        {job.host && (
          <span className="job-panel__host" data-testid="job-host">
            on {job.host}
          </span>
        )}
        <JobStateChip state={job.state} />
        <JobTimes job={job} />
        <JobActions job={job} openModel={showTarget} retry={retry} />
      </header>
      {active && job.progress && <JobProgress progress={job.progress} />}
      {active && !job.progress && job.state === 'queued' && <p className="job-panel__note">Waiting to start…</p>}
      {active && (job.waitingSeconds ?? 0) > 0 && (
        <p className="job-panel__note" role="status" data-testid="job-waiting">
          {ollamaWaitText(job.waitingSeconds ?? 0)}. It may be busy with a large model; Cancel stops waiting.
        </p>
      )}
      {job.error && (
        <div className="job-panel__error" data-testid="job-error">
          {/* The message may be Ollama's or the app's own: the heading claims neither. */}
          <span className="job-panel__error-label">{job.state === 'failed' ? 'Why it failed' : 'Reason'}</span>
          <p className="job-panel__error-text">
            <MessageText text={job.error} />
          </p>
        </div>
      )}
      {job.steps.length > 0 &&
        (foldSteps && !active ? (
          <details className="job-panel__fold">
            <summary>
              {job.steps.length} {job.steps.length === 1 ? 'step' : 'steps'}
            </summary>
            {steps}
          </details>
        ) : (
          steps
        ))}
      {!active && job.log.length > 0 && (
        <details className="job-panel__fold">
          <summary>Log ({job.log.length} lines)</summary>
          <pre className="job-panel__log">{job.log.join('\n')}</pre>
        </details>
      )}
    </section>
  );
}
