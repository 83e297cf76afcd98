import { useEffect } from 'react';
import { useAppStore } from '../../store/store-context';

/** Cheap enough to ask often, rare enough not to matter: /api/ps answers from memory. */
export const RUNNING_POLL_MS = 10_000;
/** After a model's expiry Ollama takes a moment to let it go. */
const AFTER_EXPIRY_MS = 1_500;

/**
 * Keeps the loaded-models list fresh while the page is visible: every 10 s, and just after the
 * next model is due to unload, so its row goes when it goes rather than up to 10 s later.
 */
export function useRunningPoll(active: boolean): void {
  const refreshRunning = useAppStore((s) => s.refreshRunning);
  const nextExpiry = useAppStore((s) => {
    let soonest = Number.POSITIVE_INFINITY;
    for (const model of s.running ?? []) {
      const at = Date.parse(model.expiresAt);
      if (!Number.isNaN(at) && at < soonest) soonest = at;
    }
    return soonest;
  });

  useEffect(() => {
    if (!active) return;
    const tick = () => {
      if (document.visibilityState === 'visible') void refreshRunning();
    };
    const id = window.setInterval(tick, RUNNING_POLL_MS);
    const onVisible = () => tick();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(id);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [active, refreshRunning]);

  useEffect(() => {
    if (!active || !Number.isFinite(nextExpiry)) return;
    const wait = nextExpiry - Date.now() + AFTER_EXPIRY_MS;
    // Beyond the poll interval the poll catches it anyway; "forever" never needs a timer.
    if (wait > RUNNING_POLL_MS) return;
    const id = window.setTimeout(() => void refreshRunning(), Math.max(0, wait));
    return () => window.clearTimeout(id);
  }, [active, nextExpiry, refreshRunning]);
}
