import type { ModelStatus } from '../../../../shared/registry';
import { CrossDisc, GlyphFrame, Spinner, TickDisc } from './StateGlyphs';

/**
 * One shape per status, so status never rests on colour alone:
 * pending ○, creating ◔ (turning), available ✓ in a disc, missing ⚠, failed ✕ in a disc.
 */
export function StatusIcon({ status }: { status: ModelStatus }) {
  return (
    <GlyphFrame>
      {status === 'pending' && <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.8" />}
      {status === 'creating' && <Spinner />}
      {status === 'available' && <TickDisc />}
      {status === 'missing' && (
        <>
          <path d="M8 1.8l6.4 11.4H1.6z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
          <path d="M8 6v3.4" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          <circle cx="8" cy="11.4" r="0.9" fill="currentColor" />
        </>
      )}
      {status === 'failed' && <CrossDisc />}
    </GlyphFrame>
  );
}
