import type { JobState } from '../../../../shared/jobs';
import { Clock, CrossDisc, GlyphFrame, SlashedCircle, Spinner, TickDisc } from '../common/StateGlyphs';

/**
 * One shape per job state, so it never rests on colour alone: queued a clock, running a turning
 * arc, succeeded a tick, failed a cross, cancelled a slashed circle, interrupted a broken circle.
 */
export function JobStateIcon({ state }: { state: JobState }) {
  return (
    <GlyphFrame>
      {state === 'queued' && <Clock />}
      {state === 'running' && <Spinner />}
      {state === 'succeeded' && <TickDisc />}
      {state === 'failed' && <CrossDisc />}
      {state === 'cancelled' && <SlashedCircle />}
      {state === 'interrupted' && (
        <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
          <path d="M8 2.2a5.8 5.8 0 1 1-5.6 4.3" />
          <path d="M6.4 5.2v5.6M9.6 5.2v5.6" />
        </g>
      )}
    </GlyphFrame>
  );
}
