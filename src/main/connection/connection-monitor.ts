import { closeProbeDelay, OFFLINE_FIRST_PROBE_MS, offlineProbeDelay, ONLINE_PROBE_MS } from '../../shared/connection-schedule';
import { connectionFailure } from './connection-error';
import { VersionProbe, type Probe, type ProbeOutcome } from './version-probe';

/**
 * Whether Ollama answers, known within seconds. Two sources feed it:
 *
 * - every quick call to Ollama reports its outcome (`callAnswered`, `callFailed`): a connection
 *   error flips the state to offline at once, any answer flips it to online;
 * - its own probe, `GET /api/version`: every 5 s while online (over one kept-alive connection,
 *   whose close means Ollama stopped and triggers a probe at once), and while offline every
 *   1 s, backing off to 2 s, until Ollama answers again.
 *
 * Only connection errors count as offline: an HTTP error is an answer, and a slow answer says
 * nothing certain. The monitor only tells; what the app does about it is in the callbacks.
 */

export type MonitorStatus = 'unknown' | 'online' | 'offline';

export interface ConnectionMonitorOptions {
  /** The host to watch, read at every probe: it can change in Settings. */
  host: () => string;
  /** Ollama stopped answering at `host`, for `reason` ("connection refused"). */
  onOffline(change: { host: string; reason: string }): void;
  /** Ollama answers at `host` again (or for the first time). */
  onOnline(change: { host: string; after: MonitorStatus }): void;
  /** Test seam: the probe, given the callback for a closed idle connection. */
  probe?: (onIdleClose: () => void) => Probe;
  now?: () => number;
}

type ProbeCause = 'timer' | 'close' | 'start';

export class ConnectionMonitor {
  private current: MonitorStatus = 'unknown';
  private watchedHost: string;
  /** Probes in a row that found nothing listening. */
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;
  private dueAt = Number.POSITIVE_INFINITY;
  /** One probe at a time: one asked for while another runs is answered by that one. */
  private probing = false;
  private lastProbeAt: number | null = null;
  /** False once a close proved a false alarm, until a probe finds its connection kept open again. */
  private closesMeanStop = true;
  private probeCause: ProbeCause = 'timer';
  private running = false;
  private readonly probe: Probe;
  private readonly now: () => number;

  constructor(private readonly options: ConnectionMonitorOptions) {
    this.watchedHost = options.host();
    this.now = options.now ?? Date.now;
    this.probe = (options.probe ?? ((onIdleClose) => new VersionProbe(onIdleClose)))(() => this.idleClosed());
  }

  get status(): MonitorStatus {
    return this.current;
  }

  /** Probes at once, then keeps probing on its schedule (timers do not keep the process alive). */
  start(): void {
    this.running = true;
    void this.runProbe('start');
  }

  stop(): void {
    this.running = false;
    this.clearTimer();
    this.probe.close();
  }

  /** The host in Settings changed: what was known is about another server. */
  hostChanged(): void {
    if (!this.adoptHost()) return;
    if (this.running) void this.runProbe('start');
  }

  /** A call to Ollama at `host` got an HTTP answer (whatever its status). */
  callAnswered(host: string): void {
    if (!this.isCurrent(host)) return;
    this.failures = 0;
    this.becomeOnline();
  }

  /** A call to Ollama at `host` failed: a connection error means offline now; an HTTP error is an answer. */
  callFailed(host: string, error: unknown): void {
    if (!this.isCurrent(host)) return;
    const reason = connectionFailure(error);
    if (reason) {
      this.failures = Math.max(this.failures, 1);
      this.becomeOffline(reason);
    } else if (error instanceof Error && error.name === 'ResponseError') {
      this.callAnswered(host);
    }
  }

  // ---------- internals ----------

  private isCurrent(host: string): boolean {
    this.adoptHost();
    return sameHost(host, this.watchedHost);
  }

  /** True when the host changed since last looked at (the state is reset). */
  private adoptHost(): boolean {
    const host = this.options.host();
    if (sameHost(host, this.watchedHost)) return false;
    this.watchedHost = host;
    this.current = 'unknown';
    this.failures = 0;
    this.lastProbeAt = null;
    this.closesMeanStop = true;
    this.probe.close();
    return true;
  }

  private becomeOnline(): void {
    if (this.current === 'online') return;
    const after = this.current;
    this.current = 'online';
    this.schedule(ONLINE_PROBE_MS, true);
    this.options.onOnline({ host: this.watchedHost, after });
  }

  private becomeOffline(reason: string): void {
    if (this.current === 'offline') return;
    this.current = 'offline';
    this.schedule(offlineProbeDelay(this.failures), true);
    this.options.onOffline({ host: this.watchedHost, reason });
  }

  private idleClosed(): void {
    if (!this.running) return;
    this.schedule(closeProbeDelay(this.now(), this.lastProbeAt, this.closesMeanStop), false, 'close');
  }

  /** `replace`: this delay wins; otherwise the earlier of this and the one already set. */
  private schedule(delayMs: number, replace: boolean, cause: ProbeCause = 'timer'): void {
    if (!this.running) return;
    const at = this.now() + delayMs;
    if (!replace && this.timer && this.dueAt <= at) return;
    this.clearTimer();
    this.dueAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.dueAt = Number.POSITIVE_INFINITY;
      void this.runProbe(cause);
    }, delayMs);
    this.timer.unref?.();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dueAt = Number.POSITIVE_INFINITY;
  }

  private async runProbe(cause: ProbeCause): Promise<void> {
    if (!this.running) return;
    if (this.probing) return;
    this.probing = true;
    this.probeCause = cause;
    this.lastProbeAt = this.now();
    const host = this.watchedHost;
    let outcome: ProbeOutcome;
    try {
      outcome = await this.probe.check(host);
    } catch (error) {
      outcome = { kind: 'no-answer', reason: String(error) };
    } finally {
      this.probing = false;
    }
    if (!this.running) return;
    if (this.adoptHost() || host !== this.watchedHost) {
      // The answer is about the host before a change in Settings.
      void this.runProbe('start');
      return;
    }
    this.settle(outcome);
  }

  private settle(outcome: ProbeOutcome): void {
    if (outcome.kind === 'answered') {
      if (outcome.reused) this.closesMeanStop = true;
      else if (this.probeCause === 'close') this.closesMeanStop = false;
      this.failures = 0;
      this.becomeOnline();
      this.schedule(ONLINE_PROBE_MS, true);
    } else if (outcome.kind === 'unreachable') {
      this.closesMeanStop = true;
      this.failures += 1;
      this.becomeOffline(outcome.reason);
      this.schedule(offlineProbeDelay(this.failures), true);
    } else if (this.current === 'offline') {
      this.failures += 1;
      this.schedule(offlineProbeDelay(this.failures), true);
    } else {
      // No answer in time while online or unknown: not proof of anything; look again soon.
      this.schedule(this.current === 'online' ? ONLINE_PROBE_MS : OFFLINE_FIRST_PROBE_MS, true);
    }
  }
}

function sameHost(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}
