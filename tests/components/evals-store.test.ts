// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/renderer/src/store/create-app-store';
import type { RunRecord } from '../../src/shared/eval/run-record';
import { FakeClient } from './support/fake-client';
import { FAMILY, OLDER_RUN_ID, result, runRecord, RUN_ID, summary, V1 } from './support/eval-fixtures';

/** A promise the test settles. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the evaluations store', () => {
  it('coalesces run changes: while a read is in flight, many changes make one more read, and the newest record wins', async () => {
    const reads: ReturnType<typeof deferred<RunRecord>>[] = [];
    const client = new FakeClient({
      'evals.readRun': () => {
        const d = deferred<RunRecord>();
        reads.push(d);
        return d.promise;
      },
      'evals.runs': () => [summary(runRecord())],
    });
    const store = createAppStore(client, { storage: null });
    const loading = store.getState().loadEvalRun(FAMILY, RUN_ID);
    for (let i = 0; i < 5; i++) store.getState().receiveEvalRunChanged({ family: FAMILY, runId: RUN_ID, state: 'running', done: i, total: 6 });
    expect(reads).toHaveLength(1);
    reads[0]!.resolve(runRecord({ state: 'running', results: [] }));
    await new Promise((r) => setTimeout(r, 0));
    expect(reads).toHaveLength(2);
    reads[1]!.resolve(runRecord({ state: 'running', results: [result('greet', V1, true)] }));
    await loading;
    expect(reads).toHaveLength(2);
    expect(store.getState().evalRun?.record?.results).toHaveLength(1);
  });

  it('a read that finishes after the page moved to another run does not show the old run', async () => {
    const first = deferred<RunRecord>();
    const client = new FakeClient({
      'evals.readRun': ({ runId }) => (runId === RUN_ID ? first.promise : runRecord({ id: OLDER_RUN_ID })),
    });
    const store = createAppStore(client, { storage: null });
    const slow = store.getState().loadEvalRun(FAMILY, RUN_ID);
    await store.getState().loadEvalRun(FAMILY, OLDER_RUN_ID);
    first.resolve(runRecord());
    await slow;
    expect(store.getState().evalRun?.runId).toBe(OLDER_RUN_ID);
    expect(store.getState().evalRun?.record?.id).toBe(OLDER_RUN_ID);
  });

  it('a family without a prompt set reads as missing, not as a failure', async () => {
    const { AppError } = await import('../../src/shared/errors');
    const client = new FakeClient({
      'evals.readSet': () => {
        throw new AppError('not_found', 'No prompt set');
      },
    });
    const store = createAppStore(client, { storage: null });
    await store.getState().loadEvalSet(FAMILY);
    expect(store.getState().evalSet).toEqual({ family: FAMILY, status: 'missing', file: null, error: null });
  });
});

describe('an evaluation job ending', () => {
  it('is announced by its family, with a link to its results, and a failure keeps the message', async () => {
    const { readyClient } = await import('./support/ready-client');
    const { job } = await import('./support/fixtures');
    const client = readyClient([]);
    const store = createAppStore(client, { storage: null, now: () => Date.parse('2026-12-03T14:00:10.000Z') });
    const dispose = store.getState().init();
    try {
      client.emit('job.updated', job({ id: 'e1', kind: 'eval', target: FAMILY, state: 'running' }));
      client.emit('job.updated', job({ id: 'e1', kind: 'eval', target: FAMILY, state: 'succeeded', endedAt: '2026-12-03T14:00:09.000Z' }));
      const done = store.getState().notifications.at(-1);
      expect(done).toMatchObject({ tone: 'success', title: `Evaluated ${FAMILY}`, action: { label: 'Show results' } });
      done?.action?.run();
      expect(store.getState().page).toBe('evals');
      expect(store.getState().evalView).toEqual({ family: FAMILY, runId: null });

      client.emit('job.updated', job({ id: 'e2', kind: 'eval', target: FAMILY, state: 'running' }));
      client.emit('job.updated', job({ id: 'e2', kind: 'eval', target: FAMILY, state: 'failed', endedAt: '2026-12-03T14:00:09.000Z', error: 'Ollama stopped answering.' }));
      expect(store.getState().notifications.at(-1)).toMatchObject({ tone: 'error', title: `Evaluation failed: ${FAMILY}`, message: 'Ollama stopped answering.' });
    } finally {
      dispose();
    }
  });
});
