import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { JobManager, type JobRunContext } from '../../src/main/jobs/job-manager';

/** A job body the test releases by hand. */
function gate() {
  let release: () => void = () => undefined;
  let started = false;
  const run = (ctx: JobRunContext) =>
    new Promise<void>((resolve, reject) => {
      started = true;
      release = resolve;
      ctx.signal.addEventListener('abort', () => reject(new AppError('cancelled', 'aborted')));
    });
  return { run, started: () => started, release: () => release() };
}

describe('JobManager: each host has its own slots', () => {
  it('runs maxConcurrent jobs per host at once, so two hosts build in parallel, and marks each job with its host', async () => {
    const jobs = new JobManager({ history: null, maxConcurrent: 2 });
    const gates = Array.from({ length: 6 }, gate);
    const hosts = ['gpu', 'gpu', 'gpu', null, null, null];
    const started = gates.map((g, i) => jobs.start({ kind: 'create', target: `m${i}`, key: `k${i}`, host: hosts[i], run: g.run }).job);
    await new Promise((resolve) => setImmediate(resolve));
    expect(gates.map((g) => g.started())).toEqual([true, true, false, true, true, false]);
    expect(started[0]!.host).toBe('gpu');
    expect('host' in started[3]!).toBe(false);
    gates[0]!.release();
    await jobs.whenDone(started[0]!.id);
    await new Promise((resolve) => setImmediate(resolve));
    // gpu's freed slot goes to gpu's next job; the primary's queue still waits.
    expect(gates.map((g) => g.started())).toEqual([true, true, true, true, true, false]);
    for (const g of gates) g.release();
    gates[5]!.release();
    await Promise.all(started.map((job) => jobs.whenDone(job.id).then(() => undefined)).slice(0, 5));
  });

  it('an unslotted job (an apply) never takes a host slot from the jobs it waits on', async () => {
    const jobs = new JobManager({ history: null, maxConcurrent: 1 });
    const child = gate();
    let childStarted = false;
    const umbrella = jobs.start({
      kind: 'apply',
      target: 'all hosts',
      key: 'apply',
      unslotted: true,
      run: async () => {
        const job = jobs.start({ kind: 'create', target: 'm', key: 'k', run: child.run }).job;
        await new Promise((resolve) => setImmediate(resolve));
        childStarted = child.started();
        child.release();
        await jobs.whenDone(job.id);
      },
    }).job;
    expect((await jobs.whenDone(umbrella.id)).state).toBe('succeeded');
    expect(childStarted).toBe(true);
  });
});
