/**
 * When the connection monitor asks Ollama again. Pure numbers, so the timing promises can be
 * read and tested in one place:
 *
 * - offline is shown at once on a connection error, and online within one probe delay of Ollama
 *   answering again: the offline delay starts near 1 s and grows to a cap of 2 s, so a
 *   returning Ollama is seen within 3 s while a long outage costs one refused connect per 2 s;
 * - a healthy Ollama gets one `/api/version` per 5 s at most from the monitor.
 */

/** Between two probes while Ollama answers. */
export const ONLINE_PROBE_MS = 5_000;
/** The first probe after Ollama stopped answering. */
export const OFFLINE_FIRST_PROBE_MS = 1_000;
/** Each failed probe waits this much longer than the last… */
export const OFFLINE_BACKOFF = 1.5;
/** …up to this: with the probe, the sync that follows and the event to the window, online shows within 3 s. */
export const OFFLINE_MAX_PROBE_MS = 2_000;
/** A probe's own time limit; /api/version answers from memory, at once. */
export const PROBE_TIMEOUT_MS = 2_000;

/** Wait before the next probe after `failures` probes in a row found Ollama unreachable (1 or more). */
export function offlineProbeDelay(failures: number): number {
  const step = Math.max(0, failures - 1);
  return Math.min(OFFLINE_MAX_PROBE_MS, Math.round(OFFLINE_FIRST_PROBE_MS * OFFLINE_BACKOFF ** step));
}

/**
 * Wait before probing after the held idle connection closed. Ollama keeps idle connections open,
 * so a close means it stopped: probe at once. A server seen closing them on its own (a probe after
 * a close found it answering, and no probe since found its connection still open) would turn every
 * probe into another, so its closes wait for the next regular probe: no load beyond one per 5 s.
 */
export function closeProbeDelay(now: number, lastProbeAt: number | null, closesMeanStop: boolean): number {
  if (closesMeanStop || lastProbeAt === null) return 0;
  return Math.max(0, lastProbeAt + ONLINE_PROBE_MS - now);
}
