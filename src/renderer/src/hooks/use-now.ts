import { useEffect, useState } from 'react';

/** The current time, re-read every `intervalMs` while `ticking` (an elapsed-time display). */
export function useNow(ticking: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const tick = () => setNow(Date.now());
    // At once as well: the time kept since mount may be long past when ticking starts.
    const first = window.setTimeout(tick, 0);
    const id = window.setInterval(tick, intervalMs);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(id);
    };
  }, [ticking, intervalMs]);
  return now;
}
