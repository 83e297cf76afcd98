import type { ModelStatus } from '../../../../shared/registry';

/**
 * One shape per status, so status never rests on colour alone:
 * pending ○, creating ◔ (turning), available ✓ in a disc, missing ⚠, failed ✕ in a disc.
 */
export function StatusIcon({ status }: { status: ModelStatus }) {
  return (
    <svg className="status-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      {status === 'pending' && <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.8" />}
      {status === 'creating' && (
        <g className="status-icon__spin">
          <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeOpacity="0.35" strokeWidth="1.8" />
          <path d="M8 2.5a5.5 5.5 0 0 1 5.5 5.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </g>
      )}
      {status === 'available' && (
        <>
          <circle cx="8" cy="8" r="6.5" fill="currentColor" />
          <path d="M5 8.2l2 2 4-4.2" fill="none" stroke="var(--chip-glyph)" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </>
      )}
      {status === 'missing' && (
        <>
          <path d="M8 1.8l6.4 11.4H1.6z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
          <path d="M8 6v3.4" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          <circle cx="8" cy="11.4" r="0.9" fill="currentColor" />
        </>
      )}
      {status === 'failed' && (
        <>
          <circle cx="8" cy="8" r="6.5" fill="currentColor" />
          <path d="M5.6 5.6l4.8 4.8M10.4 5.6l-4.8 4.8" stroke="var(--chip-glyph)" strokeWidth="1.8" strokeLinecap="round" />
        </>
      )}
    </svg>
  );
}
