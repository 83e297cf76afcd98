import { describe, expect, it } from 'vitest';
import type { Job } from '../../src/shared/jobs';
import { JobProgressTracker, MAX_LOG_LINES, MAX_STEPS, progressOf } from '../../src/main/jobs/job-progress';
import { TransferRate } from '../../src/main/jobs/transfer-rate';

function newJob(): Job {
  return {
    id: 'j',
    kind: 'pull',
    target: 'm',
    state: 'running',
    createdAt: '2026-01-01T00:00:00.000Z',
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: null,
    steps: [],
    progress: null,
    error: null,
    log: [],
  };
}

function tracker() {
  const job = newJob();
  const clock = { now: 0 };
  const t = new JobProgressTracker(job, () => clock.now);
  return { job, clock, t };
}

const D1 = 'sha256:' + '1'.repeat(64);
const D2 = 'sha256:' + '2'.repeat(64);

describe('JobProgressTracker', () => {
  it('makes each plain status line a step and ends the previous one', () => {
    const { job, clock, t } = tracker();
    t.apply({ status: 'pulling manifest' });
    clock.now = 1_000;
    t.apply({ status: 'writing manifest' });
    expect(job.steps.map((s) => s.status)).toEqual(['pulling manifest', 'writing manifest']);
    expect(job.steps[0]?.endedAt).toBe(new Date(1_000).toISOString());
    expect(job.steps[1]?.endedAt).toBeNull();
    expect(job.progress).toMatchObject({ status: 'writing manifest', digest: null, total: null, percent: null });
  });

  it('does not repeat a plain step that Ollama sends twice in a row', () => {
    const { job, t } = tracker();
    t.apply({ status: 'success' });
    t.apply({ status: 'success' });
    expect(job.steps).toHaveLength(1);
  });

  it('keeps a `success` in the middle as a step, like any other line', () => {
    const { job, t } = tracker();
    for (const status of ['pulling manifest', 'success', 'using existing layer x', 'writing manifest', 'success']) t.apply({ status });
    expect(job.steps.map((s) => s.status)).toEqual(['pulling manifest', 'success', 'using existing layer x', 'writing manifest', 'success']);
  });

  it('updates one step per digest in place, with percent, and ends it when complete', () => {
    const { job, clock, t } = tracker();
    t.apply({ status: 'pulling 111111111111', digest: D1, total: 1_000 });
    expect(job.progress).toMatchObject({ digest: D1, total: 1_000, completed: 0, percent: 0 });
    clock.now = 1_000;
    t.apply({ status: 'pulling 111111111111', digest: D1, total: 1_000, completed: 250 });
    clock.now = 2_000;
    t.apply({ status: 'pulling 111111111111', digest: D1, total: 1_000, completed: 1_000 });
    expect(job.steps).toHaveLength(1);
    expect(job.steps[0]).toMatchObject({ digest: D1, total: 1_000, completed: 1_000, endedAt: new Date(2_000).toISOString() });
    expect(job.progress?.percent).toBe(100);
  });

  it('tracks interleaved layers as separate steps', () => {
    const { job, t } = tracker();
    t.apply({ status: 'pulling 1', digest: D1, total: 100, completed: 10 });
    t.apply({ status: 'pulling 2', digest: D2, total: 200, completed: 20 });
    t.apply({ status: 'pulling 1', digest: D1, total: 100, completed: 50 });
    expect(job.steps.map((s) => [s.digest, s.completed])).toEqual([
      [D1, 50],
      [D2, 20],
    ]);
  });

  it('computes speed over a sliding window and the time left from it', () => {
    const { job, clock, t } = tracker();
    for (let second = 0; second <= 4; second++) {
      clock.now = second * 1_000;
      t.apply({ status: 'pulling 1', digest: D1, total: 10_000_000, completed: second * 1_000_000 });
    }
    expect(job.progress?.bytesPerSecond).toBe(1_000_000);
    expect(job.progress?.etaSeconds).toBe(6);
  });

  it('treats a line with a total but no digest (hashing a local file) as a transfer', () => {
    const { job, t } = tracker();
    t.apply({ status: 'hashing model.gguf', total: 4, completed: 2 });
    t.apply({ status: 'hashing model.gguf', total: 4, completed: 4 });
    expect(job.steps).toHaveLength(1);
    expect(job.steps[0]).toMatchObject({ total: 4, completed: 4 });
    expect(job.progress?.percent).toBe(100);
  });

  it('a plain step ends the transfers still open before it', () => {
    const { job, t } = tracker();
    t.apply({ status: 'pulling 1', digest: D1, total: 100, completed: 10 });
    t.apply({ status: 'verifying sha256 digest' });
    expect(job.steps[0]?.endedAt).not.toBeNull();
  });

  it('keeps the steps and the log bounded', () => {
    const { job, t } = tracker();
    for (let i = 0; i < MAX_STEPS + 50; i++) t.apply({ status: `step ${i}` });
    expect(job.steps).toHaveLength(MAX_STEPS);
    expect(job.steps[job.steps.length - 1]?.status).toBe(`step ${MAX_STEPS + 49}`);
    for (let i = 0; i < MAX_LOG_LINES * 2; i++) t.log(`line ${i}`);
    expect(job.log).toHaveLength(MAX_LOG_LINES);
    expect(job.log[0]).toMatch(/earlier lines left out/);
    expect(job.log[job.log.length - 1]).toBe(`line ${MAX_LOG_LINES * 2 - 1}`);
  });

  it('closeAll ends every open step', () => {
    const { job, t } = tracker();
    t.apply({ status: 'pulling 1', digest: D1, total: 100, completed: 10 });
    t.apply({ status: 'pulling 2', digest: D2, total: 100, completed: 10 });
    t.closeAll();
    expect(job.steps.every((s) => s.endedAt !== null)).toBe(true);
  });
});

describe('TransferRate and progressOf', () => {
  it('has no speed until two samples are apart in time', () => {
    const rate = new TransferRate();
    rate.add(0, 0);
    expect(rate.bytesPerSecond()).toBeNull();
    rate.add(0, 100);
    expect(rate.bytesPerSecond()).toBeNull();
  });

  it('forgets samples older than the window', () => {
    const rate = new TransferRate(5_000);
    rate.add(0, 0);
    rate.add(1_000, 100_000_000); // a fast start
    for (let s = 2; s <= 20; s++) rate.add(s * 1_000, 100_000_000 + (s - 1) * 1_000);
    expect(rate.bytesPerSecond()).toBe(1_000);
  });

  it('starts over when the counter goes back', () => {
    const rate = new TransferRate();
    rate.add(0, 500);
    rate.add(1_000, 1_000);
    rate.add(2_000, 0);
    expect(rate.bytesPerSecond()).toBeNull();
  });

  it('leaves percent, speed and ETA empty without totals', () => {
    expect(progressOf('x', null, null, null, null)).toEqual({ status: 'x', digest: null, total: null, completed: null, percent: null, bytesPerSecond: null, etaSeconds: null });
  });
});
