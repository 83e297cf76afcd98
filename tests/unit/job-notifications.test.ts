import { describe, expect, it } from 'vitest';
import { jobNotice, jobNotifier, type JobNotice } from '../../src/main/desktop/job-notifications';
import type { Job } from '../../src/shared/jobs';

function job(fields: Partial<Job> = {}): Job {
  return {
    id: 'j1',
    kind: 'create',
    target: 'pm-v2',
    state: 'succeeded',
    createdAt: '2026-01-01T10:00:00.000Z',
    startedAt: '2026-01-01T10:00:00.000Z',
    endedAt: '2026-01-01T10:00:30.000Z',
    steps: [],
    progress: null,
    error: null,
    log: [],
    ...fields,
  };
}

describe('job notifications', () => {
  it('a create or pull that took 10 s or more and ended while the window was unfocused is announced', () => {
    expect(jobNotice(job(), false)).toEqual({ title: 'Model created', body: 'pm-v2 is ready.', opens: { kind: 'create', target: 'pm-v2' } });
    expect(jobNotice(job({ kind: 'pull', target: 'llama3:8b' }), false)).toEqual({
      title: 'Download finished',
      body: 'llama3:8b is now in Ollama.',
      opens: { kind: 'pull', target: 'llama3:8b' },
    });
    expect(jobNotice(job({ endedAt: '2026-01-01T10:00:10.000Z' }), false)).not.toBeNull();
  });

  it('a failure says so with the first line of the reason', () => {
    expect(jobNotice(job({ state: 'failed', error: 'pull model manifest: file does not exist\nmore detail' }), false)).toMatchObject({
      title: 'Creating pm-v2 failed',
      body: 'pull model manifest: file does not exist',
    });
    expect(jobNotice(job({ kind: 'pull', state: 'failed', error: null }), false)?.body).toBe('See the Jobs page for what happened.');
  });

  it('nothing while the window has focus, for a short job, a running, cancelled or interrupted one, or other kinds', () => {
    expect(jobNotice(job(), true)).toBeNull();
    expect(jobNotice(job({ endedAt: '2026-01-01T10:00:09.999Z' }), false)).toBeNull();
    for (const state of ['queued', 'running', 'cancelled', 'interrupted'] as const) expect(jobNotice(job({ state }), false)).toBeNull();
    for (const kind of ['delete', 'upload', 'eval', 'apply', 'preload'] as const) expect(jobNotice(job({ kind }), false)).toBeNull();
    expect(jobNotice(job({ startedAt: null }), false)).toBeNull();
    expect(jobNotice(job({ endedAt: 'not a date' }), false)).toBeNull();
  });

  it('the notifier announces each job once, though its final state may arrive again', () => {
    const shown: JobNotice[] = [];
    let focused = true;
    const notify = jobNotifier({ windowFocused: () => focused, show: (n) => shown.push(n) });
    notify(job({ state: 'running', endedAt: null }));
    focused = false;
    notify(job());
    notify(job());
    notify(job({ id: 'j2', kind: 'pull' }));
    expect(shown.map((n) => n.title)).toEqual(['Model created', 'Download finished']);
  });
});
