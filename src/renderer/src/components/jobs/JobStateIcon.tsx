import type { JobState } from '../../../../shared/jobs';

/**
 * One shape per job state, so it never rests on colour alone: queued a clock, running a turning
 * arc, succeeded a tick, failed a cross, cancelled a slashed circle, interrupted a broken circle.
 */
export function JobStateIcon({ state }: { state: JobState }) {
  return (
    <svg className="status-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      {state === 'queued' && (
        <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
          <circle cx="8" cy="8" r="5.8" />
          <path d="M8 4.8V8l2.2 1.6" />
        </g>
      )}
      {state === 'running' && (
        <g className="status-icon__spin">
          <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeOpacity="0.35" strokeWidth="1.8" />
          <path d="M8 2.5a5.5 5.5 0 0 1 5.5 5.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </g>
      )}
      {state === 'succeeded' && (
        <>
          <circle cx="8" cy="8" r="6.5" fill="currentColor" />
          <path d="M5 8.2l2 2 4-4.2" fill="none" stroke="var(--chip-glyph)" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </>
      )}
      {state === 'failed' && (
        <>
          <circle cx="8" cy="8" r="6.5" fill="currentColor" />
          <path d="M5.6 5.6l4.8 4.8M10.4 5.6l-4.8 4.8" stroke="var(--chip-glyph)" strokeWidth="1.8" strokeLinecap="round" />
        </>
      )}
      {state === 'cancelled' && (
        <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
          <circle cx="8" cy="8" r="5.8" />
          <path d="M4 12L12 4" />
        </g>
      )}
      {state === 'interrupted' && (
        <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
          <path d="M8 2.2a5.8 5.8 0 1 1-5.6 4.3" />
          <path d="M6.4 5.2v5.6M9.6 5.2v5.6" />
        </g>
      )}
    </svg>
  );
}
