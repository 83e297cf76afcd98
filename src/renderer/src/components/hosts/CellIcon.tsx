import type { CellState } from '../../../../shared/deploy/plan-schema';

/** One shape per state, so a cell never rests on colour alone (see StatusIcon for the cards' shapes). */
export function CellIcon({ state }: { state: CellState }) {
  return (
    <svg className="status-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      {state === 'available' && (
        <>
          <circle cx="8" cy="8" r="6.5" fill="currentColor" />
          <path d="M5 8.2l2 2 4-4.2" fill="none" stroke="var(--chip-glyph)" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </>
      )}
      {state === 'outdated' && (
        <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
          <path d="M13 8a5 5 0 1 1-1.5-3.6" />
          <path d="M11.8 1.8v2.8H9" />
        </g>
      )}
      {state === 'unverified' && (
        <>
          <circle cx="8" cy="8" r="5.8" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M6.3 6.4a1.8 1.8 0 1 1 2.4 1.7c-.5.2-.7.5-.7 1v.4" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
          <circle cx="8" cy="11.4" r="0.85" fill="currentColor" />
        </>
      )}
      {state === 'missing' && <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeDasharray="2.6 2" />}
      {state === 'queued' && (
        <g fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round">
          <circle cx="8" cy="8" r="5.8" />
          <path d="M8 4.8V8l2.2 1.4" />
        </g>
      )}
      {state === 'building' && (
        <g className="status-icon__spin">
          <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeOpacity="0.35" strokeWidth="1.8" />
          <path d="M8 2.5a5.5 5.5 0 0 1 5.5 5.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </g>
      )}
      {state === 'failed' && (
        <>
          <circle cx="8" cy="8" r="6.5" fill="currentColor" />
          <path d="M5.6 5.6l4.8 4.8M10.4 5.6l-4.8 4.8" stroke="var(--chip-glyph)" strokeWidth="1.8" strokeLinecap="round" />
        </>
      )}
      {state === 'blocked' && (
        <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
          <circle cx="8" cy="8" r="5.8" />
          <path d="M4 12L12 4" />
        </g>
      )}
      {state === 'offline' && (
        <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
          <circle cx="8" cy="8" r="5.8" />
          <path d="M5.2 8h5.6" />
        </g>
      )}
    </svg>
  );
}
