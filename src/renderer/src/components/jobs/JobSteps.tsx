import { useEffect, useRef } from 'react';
import type { Job, JobStep } from '../../../../shared/jobs';
import { formatBytes } from '../../models/format-bytes';
import { formatElapsed, isActive } from '../../models/job-format';

type StepState = 'done' | 'current' | 'failed' | 'stopped';

function stateOf(job: Job, index: number): StepState {
  if (index < job.steps.length - 1) return 'done';
  if (isActive(job)) return 'current';
  if (job.state === 'succeeded') return 'done';
  return job.state === 'failed' ? 'failed' : 'stopped';
}

const MARKS: Record<StepState, string> = { done: '✓', current: '', failed: '✕', stopped: '–' };
const SPOKEN: Record<StepState, string> = { done: '', current: ' (in progress)', failed: ' (failed here)', stopped: ' (stopped here)' };

function StepFigures({ step }: { step: JobStep }) {
  if (step.total === null || step.total <= 0) return null;
  const done = step.completed ?? 0;
  return (
    <span className="job-step__figures">
      {done >= step.total ? formatBytes(step.total) : `${formatBytes(done)} / ${formatBytes(step.total)}`}
    </span>
  );
}

/** Every status line Ollama sent, in order; transfers (lines with a digest) show their size. */
export function JobSteps({ job }: { job: Job }) {
  const listRef = useRef<HTMLOListElement>(null);
  const count = job.steps.length;
  const active = isActive(job);

  // While it runs, the newest step stays in view (unless the user scrolled up to read).
  useEffect(() => {
    const list = listRef.current;
    if (!list || !active) return;
    const nearEnd = list.scrollHeight - list.scrollTop - list.clientHeight < 48;
    if (nearEnd) list.scrollTop = list.scrollHeight;
  }, [count, active]);

  if (count === 0) return null;
  return (
    <ol ref={listRef} className="job-steps" data-testid="job-steps" aria-label="Steps">
      {job.steps.map((step, index) => {
        const state = stateOf(job, index);
        const took = step.endedAt ? Date.parse(step.endedAt) - Date.parse(step.startedAt) : null;
        return (
          <li key={`${index}:${step.status}`} className="job-step" data-state={state} data-testid="job-step">
            <span className="job-step__mark" aria-hidden="true">
              {state === 'current' ? <span className="spinner" /> : MARKS[state]}
            </span>
            <span className="job-step__status mono" title={step.digest ?? step.status}>
              {step.status}
              <span className="visually-hidden">{SPOKEN[state]}</span>
            </span>
            <StepFigures step={step} />
            {took !== null && took >= 1000 && <span className="job-step__time">{formatElapsed(took)}</span>}
          </li>
        );
      })}
    </ol>
  );
}
