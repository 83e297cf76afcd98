import type { CellState } from '../../../../shared/deploy/plan-schema';
import { Clock, CrossDisc, GlyphFrame, SlashedCircle, Spinner, TickDisc } from '../common/StateGlyphs';

/** One shape per state, so a cell never rests on colour alone (the same marks as the cards' and jobs' icons). */
export function CellIcon({ state }: { state: CellState }) {
  return (
    <GlyphFrame>
      {state === 'available' && <TickDisc />}
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
      {state === 'queued' && <Clock />}
      {state === 'building' && <Spinner />}
      {state === 'failed' && <CrossDisc />}
      {state === 'blocked' && <SlashedCircle />}
      {state === 'offline' && (
        <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
          <circle cx="8" cy="8" r="5.8" />
          <path d="M5.2 8h5.6" />
        </g>
      )}
    </GlyphFrame>
  );
}
