/**
 * At most `limit` reports per `windowMs`: a page stuck in an error loop writes a few stacks and a
 * count, not megabytes of the same stack. Pure (time is passed in), so the test needs no clock.
 */
export interface ReportGate {
  /** Whether to log this report; `dropped` is how many were refused since the last one logged. */
  admit(now: number): { admitted: boolean; dropped: number };
}

export function reportGate(limit: number, windowMs: number): ReportGate {
  let windowStart = Number.NEGATIVE_INFINITY;
  let count = 0;
  let dropped = 0;
  return {
    admit(now) {
      if (now - windowStart >= windowMs) {
        windowStart = now;
        count = 0;
      }
      if (count >= limit) {
        dropped += 1;
        return { admitted: false, dropped };
      }
      count += 1;
      const before = dropped;
      dropped = 0;
      return { admitted: true, dropped: before };
    },
  };
}
