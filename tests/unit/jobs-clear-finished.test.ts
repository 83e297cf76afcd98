import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JobHistory } from '../../src/main/jobs/job-history';
import { JobManager } from '../../src/main/jobs/job-manager';

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('JobManager.clearFinished', () => {
  it('forgets finished jobs in memory and in the saved history, and keeps the running one', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-jobs-clear-'));
    const history = new JobHistory({ dir, throttleMs: 0 });
    const jobs = new JobManager({ history, coalesceMs: 0 });
    const ok = jobs.start({ kind: 'pull', target: 'a', key: 'a', run: async () => undefined });
    const bad = jobs.start({ kind: 'delete', target: 'b', key: 'b', run: async () => Promise.reject(new Error('gone')) });
    await Promise.all([jobs.whenDone(ok.job.id), jobs.whenDone(bad.job.id)]);
    let release: () => void = () => undefined;
    const running = jobs.start({ kind: 'create', target: 'c', key: 'c', run: () => new Promise<void>((resolve) => (release = resolve)) });

    expect(jobs.clearFinished()).toBe(2);
    expect(jobs.list().map((j) => j.id)).toEqual([running.job.id]);
    history.flush();
    const saved = JSON.parse(fs.readFileSync(path.join(dir, 'jobs.json'), 'utf8')) as { jobs: Array<{ id: string }> };
    expect(saved.jobs.map((j) => j.id)).toEqual([running.job.id]);
    expect(jobs.clearFinished()).toBe(0);
    release();
    await jobs.whenDone(running.job.id);
  });
});
