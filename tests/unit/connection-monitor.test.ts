import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionMonitor, type ConnectionMonitorOptions } from '../../src/main/connection/connection-monitor';
import { connectionFailure } from '../../src/main/connection/connection-error';
import type { Probe, ProbeOutcome } from '../../src/main/connection/version-probe';
import { closeProbeDelay, offlineProbeDelay, ONLINE_PROBE_MS } from '../../src/shared/connection-schedule';

const HOST = 'http://127.0.0.1:11434';
/** Over the connection held since the last probe: the server keeps idle connections, as Ollama does. */
const ANSWERED: ProbeOutcome = { kind: 'answered', reused: true };
/** Over a new connection: the one before was closed. */
const ANSWERED_FRESH: ProbeOutcome = { kind: 'answered', reused: false };
const REFUSED: ProbeOutcome = { kind: 'unreachable', reason: 'connection refused' };

/** A refused connect as undici's fetch reports it. */
function refusedFetchError(): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:11434'), { code: 'ECONNREFUSED' }) });
}

interface Harness {
  monitor: ConnectionMonitor;
  /** Times (fake clock, ms since start) at which a probe ran. */
  probes: number[];
  changes: string[];
  /** What the next probes answer. */
  answer: ProbeOutcome;
  closeIdle(): void;
  host: string;
}

let t0 = 0;
function harness(overrides: Partial<ConnectionMonitorOptions> = {}): Harness {
  let onIdleClose: () => void = () => undefined;
  const h: Harness = {
    monitor: undefined as unknown as ConnectionMonitor,
    probes: [],
    changes: [],
    answer: ANSWERED,
    closeIdle: () => onIdleClose(),
    host: HOST,
  };
  const probe: Probe = {
    check: async () => {
      h.probes.push(Date.now() - t0);
      return h.answer;
    },
    close: () => undefined,
  };
  h.monitor = new ConnectionMonitor({
    host: () => h.host,
    onOffline: ({ reason }) => h.changes.push(`offline: ${reason}`),
    onOnline: ({ after }) => h.changes.push(`online after ${after}`),
    probe: (idle) => {
      onIdleClose = idle;
      return probe;
    },
    now: () => Date.now(),
    ...overrides,
  });
  return h;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  t0 = Date.now();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('probe schedule', () => {
  it('backs off from 1 s by half each time to a cap of 2 s while offline', () => {
    expect([1, 2, 3, 4, 5, 20].map(offlineProbeDelay)).toEqual([1000, 1500, 2000, 2000, 2000, 2000]);
  });

  it('takes a closed idle connection at once, unless closes proved false alarms: then at the next regular probe', () => {
    expect(closeProbeDelay(10_000, 9_000, true)).toBe(0);
    expect(closeProbeDelay(10_000, null, false)).toBe(0);
    expect(closeProbeDelay(10_000, 9_000, false)).toBe(4_000);
    expect(closeProbeDelay(20_000, 9_000, false)).toBe(0);
  });
});

describe('connection errors', () => {
  it('names refused, reset and unknown-host failures, through cause chains', () => {
    expect(connectionFailure(refusedFetchError())).toBe('connection refused');
    expect(connectionFailure(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe('connection reset');
    expect(connectionFailure(new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ENOTFOUND' }) }))).toBe('host name not found');
    expect(connectionFailure(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]))).toBe('connection refused');
  });

  it('does not count an HTTP error, a time limit or a cancel', () => {
    expect(connectionFailure(Object.assign(new Error('server busy'), { name: 'ResponseError', status_code: 503 }))).toBeNull();
    expect(connectionFailure(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))).toBeNull();
    expect(connectionFailure(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toBeNull();
    expect(connectionFailure(new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'UND_ERR_HEADERS_TIMEOUT' }) }))).toBeNull();
  });
});

describe('connection monitor', () => {
  it('probes at start, announces online once, then probes every 5 s while Ollama answers', async () => {
    const h = harness();
    h.monitor.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.monitor.status).toBe('online');
    expect(h.changes).toEqual(['online after unknown']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.probes).toEqual(Array.from({ length: 13 }, (_, i) => i * ONLINE_PROBE_MS));
    expect(h.changes).toHaveLength(1);
    h.monitor.stop();
  });

  it('a call failing with a connection error flips to offline at once, then probes 1, 1.5, 2, 2, 2 s apart until Ollama answers', async () => {
    const h = harness();
    h.monitor.start();
    await vi.advanceTimersByTimeAsync(0);
    h.answer = REFUSED;
    await vi.advanceTimersByTimeAsync(1_000);
    h.monitor.callFailed(HOST, refusedFetchError());
    expect(h.monitor.status).toBe('offline');
    expect(h.changes).toEqual(['online after unknown', 'offline: connection refused']);

    await vi.advanceTimersByTimeAsync(8_500);
    const afterLoss = h.probes.slice(1).map((at) => at - 1_000);
    expect(afterLoss).toEqual([1_000, 2_500, 4_500, 6_500, 8_500]);

    h.answer = ANSWERED;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(h.monitor.status).toBe('online');
    expect(h.changes.at(-1)).toBe('online after offline');
    h.monitor.stop();
  });

  it('an answer that comes back is seen within the 2 s cap however long the outage', async () => {
    const h = harness();
    h.answer = REFUSED;
    h.monitor.start();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(h.monitor.status).toBe('offline');
    const gaps = h.probes.slice(1).map((at, i) => at - (h.probes[i] ?? 0));
    expect(Math.max(...gaps)).toBe(2_000);
    h.answer = ANSWERED;
    const backAt = Date.now();
    await vi.waitUntil(async () => {
      await vi.advanceTimersByTimeAsync(100);
      return h.monitor.status === 'online';
    });
    expect(Date.now() - backAt).toBeLessThanOrEqual(2_000);
    h.monitor.stop();
  });

  it('an HTTP error, a time limit or a cancel does not flip to offline', () => {
    const h = harness();
    h.monitor.start();
    h.monitor.callFailed(HOST, Object.assign(new Error('busy'), { name: 'ResponseError', status_code: 503 }));
    h.monitor.callFailed(HOST, Object.assign(new Error('slow'), { name: 'TimeoutError' }));
    h.monitor.callFailed(HOST, Object.assign(new Error('stop'), { name: 'AbortError' }));
    expect(h.changes.some((c) => c.startsWith('offline'))).toBe(false);
    h.monitor.stop();
  });

  it('any answer from a call brings it back online without waiting for the probe', async () => {
    const h = harness();
    h.answer = REFUSED;
    h.monitor.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.monitor.status).toBe('offline');
    h.monitor.callAnswered(HOST);
    expect(h.monitor.status).toBe('online');
    expect(h.changes).toEqual(['offline: connection refused', 'online after offline']);
    h.monitor.stop();
  });

  it('a closed idle connection triggers a probe at once; closes more often than every 5 s add no load', async () => {
    const h = harness();
    h.monitor.start();
    await vi.advanceTimersByTimeAsync(2_000);
    h.answer = REFUSED;
    h.closeIdle();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.probes).toEqual([0, 2_000]);
    expect(h.monitor.status).toBe('offline');

    // A server that closes idle connections on its own: no more than the regular probe per 5 s.
    h.answer = ANSWERED_FRESH;
    await vi.advanceTimersByTimeAsync(1_000);
    const before = h.probes.length;
    for (let i = 0; i < 40; i++) {
      h.closeIdle();
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(h.probes.length - before).toBeLessThanOrEqual(20_000 / ONLINE_PROBE_MS + 1);

    // Once a probe finds its connection kept open again, a close is news at once.
    h.answer = ANSWERED;
    await vi.advanceTimersByTimeAsync(ONLINE_PROBE_MS);
    h.answer = REFUSED;
    const closedAt = Date.now() - t0;
    h.closeIdle();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.probes.at(-1)).toBe(closedAt);
    expect(h.monitor.status).toBe('offline');
    h.monitor.stop();
  });

  it('ignores failures reported for a host that is no longer the one in Settings', async () => {
    const h = harness();
    h.monitor.start();
    await vi.advanceTimersByTimeAsync(0);
    h.host = 'http://10.0.0.2:11434';
    h.monitor.hostChanged();
    h.monitor.callFailed(HOST, refusedFetchError());
    expect(h.changes.some((c) => c.startsWith('offline'))).toBe(false);
    h.monitor.stop();
  });

  it('stops probing when stopped', async () => {
    const h = harness();
    h.monitor.start();
    await vi.advanceTimersByTimeAsync(0);
    h.monitor.stop();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(h.probes).toEqual([0]);
  });
});
