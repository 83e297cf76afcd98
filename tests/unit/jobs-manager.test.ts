import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import type { Job } from '../../src/shared/jobs';
import { EventBus } from '../../src/main/events';
import { INTERRUPTED_QUEUED, INTERRUPTED_RUNNING, JobHistory } from '../../src/main/jobs/job-history';
import { JobManager, SHUTDOWN_REASON, type JobRunContext } from '../../src/main/jobs/job-manager';

let dir: string;
const histories: JobHistory[] = [];
/** A history in the test's folder; its pending write is done before the folder goes. */
function historyIn(options: Omit<ConstructorParameters<typeof JobHistory>[0], 'dir'> = {}): JobHistory {
  const history = new JobHistory({ dir, ...options });
  histories.push(history);
  return history;
}
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-jobs-'));
});
afterEach(() => {
  for (const history of histories.splice(0)) history.flush();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A job body the test drives: it runs until released or aborted. */
function gate() {
  let release: () => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  let started: (ctx: JobRunContext) => void = () => undefined;
  const running = new Promise<JobRunContext>((resolve) => {
    started = resolve;
  });
  const run = (ctx: JobRunContext) =>
    new Promise<void>((resolve, reject) => {
      started(ctx);
      release = resolve;
      fail = reject;
      ctx.signal.addEventListener('abort', () => reject(new AppError('cancelled', 'aborted')));
    });
  return { run, running, release: () => release(), fail: (error: Error) => fail(error) };
}

function manager(options: { maxConcurrent?: number; bus?: EventBus; history?: JobHistory | null } = {}) {
  return new JobManager({ history: options.history ?? null, maxConcurrent: options.maxConcurrent ?? 2, ...(options.bus ? { bus: options.bus } : {}) });
}

describe('JobManager', () => {
  it('runs a job queued → running → succeeded and says so in events, ending with the final state', async () => {
    const bus = new EventBus();
    const events: Job[] = [];
    bus.subscribe((event, payload) => {
      if (event === 'job.updated') events.push(payload as Job);
    });
    const jobs = manager({ bus });
    const g = gate();
    const { job } = jobs.start({ kind: 'create', target: 'm', key: 'create:m', run: g.run });
    expect(job.state).toBe('queued');
    const ctx = await g.running;
    expect(jobs.get(job.id).state).toBe('running');
    ctx.report({ status: 'writing manifest' });
    g.release();
    const done = await jobs.whenDone(job.id);
    expect(done.state).toBe('succeeded');
    expect(done.endedAt).not.toBeNull();
    expect(done.steps.map((s) => s.status)).toEqual(['writing manifest']);
    expect(events[0]?.state).toBe('queued');
    expect(events[events.length - 1]).toEqual(done);
  });

  it('a failure keeps the message in full', async () => {
    const jobs = manager();
    const message = 'Ollama reported an error during /api/create: pull model manifest: file does not exist';
    const { job } = jobs.start({ kind: 'create', target: 'm', key: 'k', run: async () => Promise.reject(new AppError('ollama', message)) });
    const done = await jobs.whenDone(job.id);
    expect(done).toMatchObject({ state: 'failed', error: message });
  });

  it('hands back the active job when the same key is started again, and starts anew once it ended', async () => {
    const jobs = manager();
    const g = gate();
    const first = jobs.start({ kind: 'create', target: 'm', key: 'create:m', run: g.run });
    const second = jobs.start({ kind: 'create', target: 'm', key: 'create:m', run: async () => undefined });
    expect(second.existing).toBe(true);
    expect(second.job.id).toBe(first.job.id);
    expect(jobs.active('create:m')?.id).toBe(first.job.id);
    await g.running;
    g.release();
    await jobs.whenDone(first.job.id);
    const third = jobs.start({ kind: 'create', target: 'm', key: 'create:m', run: async () => undefined });
    expect(third.existing).toBe(false);
    expect(third.job.id).not.toBe(first.job.id);
  });

  it('runs at most maxConcurrent jobs; the others wait queued', async () => {
    const jobs = manager({ maxConcurrent: 1 });
    const a = gate();
    const b = gate();
    const ja = jobs.start({ kind: 'pull', target: 'a', key: 'a', run: a.run }).job;
    const jb = jobs.start({ kind: 'pull', target: 'b', key: 'b', run: b.run }).job;
    await a.running;
    expect(jobs.get(jb.id).state).toBe('queued');
    a.release();
    await b.running;
    expect(jobs.get(ja.id).state).toBe('succeeded');
    expect(jobs.get(jb.id).state).toBe('running');
    b.release();
    await jobs.whenDone(jb.id);
  });

  it('a job waiting on a silent Ollama shows how long and gives its slot to the next job', async () => {
    const jobs = manager({ maxConcurrent: 1 });
    const a = gate();
    const b = gate();
    const c = gate();
    const ja = jobs.start({ kind: 'pull', target: 'a', key: 'a', run: a.run }).job;
    const jb = jobs.start({ kind: 'pull', target: 'b', key: 'b', run: b.run }).job;
    const jc = jobs.start({ kind: 'pull', target: 'c', key: 'c', run: c.run }).job;
    const ctx = await a.running;
    expect(jobs.get(jb.id).state).toBe('queued');

    ctx.waiting(6);
    expect(jobs.get(ja.id)).toMatchObject({ state: 'running', waitingSeconds: 6 });
    await b.running; // a's slot went to b
    expect(jobs.get(jc.id).state).toBe('queued'); // still one slot: b holds it
    ctx.waiting(7); // a second notice gives up nothing more
    expect(jobs.get(jc.id).state).toBe('queued');

    ctx.waiting(null); // Ollama answers again: the wait is no longer shown
    expect(jobs.get(ja.id).waitingSeconds ?? null).toBeNull();
    a.release();
    await jobs.whenDone(ja.id);
    expect(jobs.get(jc.id).state).toBe('queued'); // a had no slot left to free
    b.release();
    await c.running;
    c.release();
    await jobs.whenDone(jc.id);
  });

  it('cancelling a running job aborts its signal and ends it cancelled, not failed', async () => {
    const jobs = manager();
    const g = gate();
    const { job } = jobs.start({ kind: 'pull', target: 'm', key: 'm', run: g.run });
    const ctx = await g.running;
    const cancelled = await jobs.cancel(job.id);
    expect(ctx.signal.aborted).toBe(true);
    expect(cancelled).toMatchObject({ state: 'cancelled', error: null });
  });

  it('cancelling a queued job ends it without ever running it', async () => {
    const jobs = manager({ maxConcurrent: 1 });
    const a = gate();
    let ran = false;
    jobs.start({ kind: 'pull', target: 'a', key: 'a', run: a.run });
    const queued = jobs.start({
      kind: 'pull',
      target: 'b',
      key: 'b',
      run: async () => {
        ran = true;
      },
    }).job;
    const cancelled = await jobs.cancel(queued.id);
    expect(cancelled.state).toBe('cancelled');
    a.release();
    await jobs.whenDone(queued.id);
    expect(ran).toBe(false);
  });

  it('lists jobs newest first and answers not_found for an unknown id', async () => {
    const jobs = manager();
    const a = jobs.start({ kind: 'pull', target: 'a', key: 'a', run: async () => undefined }).job;
    await jobs.whenDone(a.id);
    const b = jobs.start({ kind: 'pull', target: 'b', key: 'b', run: async () => undefined }).job;
    await jobs.whenDone(b.id);
    expect(jobs.list().map((j) => j.id)).toEqual([b.id, a.id]);
    expect(() => jobs.get('nope')).toThrow(expect.objectContaining({ kind: 'not_found' }));
  });

  it('a job still running when the app died comes back interrupted with a reason (a new manager over the same history)', async () => {
    const history = historyIn({ throttleMs: 0 });
    const first = new JobManager({ history, maxConcurrent: 1 });
    const g = gate();
    const running = first.start({ kind: 'create', target: 'm', key: 'm', run: g.run }).job;
    const queued = first.start({ kind: 'pull', target: 'p', key: 'p', run: async () => undefined }).job;
    await g.running;
    history.flush(); // what was on disk when the process died

    const second = new JobManager({ history: historyIn() });
    expect(second.get(running.id)).toMatchObject({ state: 'interrupted', error: INTERRUPTED_RUNNING });
    expect(second.get(queued.id)).toMatchObject({ state: 'interrupted', error: INTERRUPTED_QUEUED });
    expect(second.active('m')).toBeNull();
    // And it was written back as such.
    const saved = JSON.parse(fs.readFileSync(path.join(dir, 'jobs.json'), 'utf8')) as { jobs: Job[] };
    expect(saved.jobs.map((j) => j.state)).toEqual(['interrupted', 'interrupted']);
    g.release();
  });

  it('shutdown ends running jobs as interrupted and saves the history', async () => {
    const history = historyIn({ throttleMs: 60_000 });
    const jobs = new JobManager({ history });
    const g = gate();
    const { job } = jobs.start({ kind: 'create', target: 'm', key: 'm', run: g.run });
    await g.running;
    await jobs.shutdown();
    expect(jobs.get(job.id)).toMatchObject({ state: 'interrupted', error: SHUTDOWN_REASON });
    const saved = JSON.parse(fs.readFileSync(path.join(dir, 'jobs.json'), 'utf8')) as { jobs: Job[] };
    expect(saved.jobs[0]).toMatchObject({ id: job.id, state: 'interrupted' });
  });

  it('keeps at most maxJobs jobs in the history, newest, with short logs', async () => {
    const history = historyIn({ maxJobs: 3, throttleMs: 0 });
    const jobs = new JobManager({ history, maxJobs: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { job } = jobs.start({
        kind: 'pull',
        target: `m${i}`,
        key: `m${i}`,
        run: async (ctx) => {
          for (let l = 0; l < 300; l++) ctx.log(`line ${l}`);
        },
      });
      ids.push(job.id);
      await jobs.whenDone(job.id);
    }
    history.flush();
    expect(jobs.list()).toHaveLength(3);
    const reloaded = historyIn().load();
    expect(reloaded.map((j) => j.id)).toEqual(ids.slice(2).reverse());
    expect(reloaded[0]?.log.length).toBeLessThanOrEqual(101);
  });

  it('moves an unreadable history aside and starts empty', () => {
    fs.writeFileSync(path.join(dir, 'jobs.json'), '{ not json');
    const logs: string[] = [];
    const jobs = new JobManager({ history: historyIn({ log: (m) => logs.push(m) }) });
    expect(jobs.list()).toEqual([]);
    expect(fs.readdirSync(dir).some((name) => name.startsWith('jobs.json.corrupt-'))).toBe(true);
    expect(logs[0]).toMatch(/moved it to/);
  });
});
