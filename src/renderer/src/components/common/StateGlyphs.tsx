import type { ReactNode } from 'react';

/**
 * The shapes the status icons are drawn with, one each, so a model's status, a job's state and a
 * host cell say "done", "failed" or "working" with the same mark everywhere (and never by colour
 * alone). Each draws inside a 16×16 view box; the icon components pick one per state.
 */

export function TickDisc() {
  return (
    <>
      <circle cx="8" cy="8" r="6.5" fill="currentColor" />
      <path d="M5 8.2l2 2 4-4.2" fill="none" stroke="var(--chip-glyph)" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </>
  );
}

export function CrossDisc() {
  return (
    <>
      <circle cx="8" cy="8" r="6.5" fill="currentColor" />
      <path d="M5.6 5.6l4.8 4.8M10.4 5.6l-4.8 4.8" stroke="var(--chip-glyph)" strokeWidth="1.8" strokeLinecap="round" />
    </>
  );
}

/** A turning arc over a faint ring: work under way. */
export function Spinner() {
  return (
    <g className="status-icon__spin">
      <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeOpacity="0.35" strokeWidth="1.8" />
      <path d="M8 2.5a5.5 5.5 0 0 1 5.5 5.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </g>
  );
}

/** A clock: waiting for its turn. */
export function Clock() {
  return (
    <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
      <circle cx="8" cy="8" r="5.8" />
      <path d="M8 4.8V8l2.2 1.6" />
    </g>
  );
}

/** A slashed circle: stopped or not allowed. */
export function SlashedCircle() {
  return (
    <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
      <circle cx="8" cy="8" r="5.8" />
      <path d="M4 12L12 4" />
    </g>
  );
}

/** The frame every status icon shares: decorative, the text beside it says the state. */
export function GlyphFrame({ children }: { children: ReactNode }) {
  return (
    <svg className="status-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}
