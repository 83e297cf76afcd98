// @vitest-environment jsdom
import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/renderer/src/store/create-app-store';
import { isNewerJob } from '../../src/renderer/src/store/job-merge';
import { AppError } from '../../src/shared/errors';
import { job, model, step } from './support/fixtures';
import { readyClient } from './support/ready-client';

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  dispose = undefined;
});

const NOW = Date.parse('2025-08-08T21:10:00.000Z');

function started(models = [model('pm-v2', { display_name: 'PM v2', status: 'pending' })], jobs = [job({ state: 'succeeded', endedAt: '2025-08-08T20:00:00.000Z' })]) {
  const client = readyClient(models, { 'jobs.list': () => jobs });
  const store = createAppStore(client, { storage: null, now: () => NOW });
  dispose = store.getState().init();
  return { client, store };
}

describe('jobs in the store', () => {
  it('loads the job list at start, and announces none of the jobs that had already finished', async () => {
    const { store } = started();
    await waitFor(() => expect(store.getState().jobsStatus).toBe('ready'));
    expect(Object.keys(store.getState().jobs)).toEqual(['job-1']);
    expect(store.getState().notifications).toEqual([]);
  });

  it('applies job.updated events and announces a success with a link that opens the model', async () => {
    const { client, store } = started();
    await waitFor(() => expect(store.getState().jobsStatus).toBe('ready'));
    client.emit('job.updated', job({ id: 'j2', target: 'pm-v2', state: 'running' }));
    client.emit('job.updated', job({ id: 'j2', target: 'pm-v2', state: 'succeeded', endedAt: '2025-08-08T21:09:59.000Z' }));
    const notice = store.getState().notifications.at(-1);
    expect(notice).toMatchObject({ tone: 'success', title: 'Created PM v2' });
    store.getState().navigate('jobs');
    notice?.action?.run();
    expect(store.getState().page).toBe('models');
    expect(store.getState().detail).toEqual({ name: 'pm-v2', tab: 'overview' });
  });

  it("announces a failure with Ollama's message in full and a Retry", async () => {
    const { client, store } = started();
    await waitFor(() => expect(store.getState().jobsStatus).toBe('ready'));
    client.emit('job.updated', job({ id: 'j3', target: 'pm-v2', state: 'failed', endedAt: '2025-08-08T21:09:58.000Z', error: 'pull model manifest: file does not exist' }));
    expect(store.getState().notifications.at(-1)).toMatchObject({
      tone: 'error',
      title: 'Could not create PM v2',
      message: 'pull model manifest: file does not exist',
      action: { label: 'Create again' },
    });
  });

  it('ignores a stale update: a finished job does not go back to running, and steps are not lost', () => {
    const done = job({ state: 'succeeded', endedAt: '2025-08-08T21:00:09.000Z' });
    const running = job({ steps: [step('a'), step('b')] });
    expect(isNewerJob(done, job())).toBe(false);
    expect(isNewerJob(running, job({ steps: [step('a')] }))).toBe(false);
    expect(isNewerJob(running, job({ steps: [step('a'), step('b'), step('c')] }))).toBe(true);
    expect(isNewerJob(running, done)).toBe(true);
  });

  it('subscribes to job.updated and modelfile.changed, and unsubscribes on dispose', async () => {
    const { client, store } = started();
    await waitFor(() => expect(store.getState().startup.status).toBe('ready'));
    expect(client.listenerCount('job.updated')).toBe(1);
    expect(client.listenerCount('modelfile.changed')).toBe(1);
    dispose?.();
    dispose = undefined;
    expect(client.listenerCount('job.updated') + client.listenerCount('modelfile.changed')).toBe(0);
  });

  it('keeps the app usable when the job list cannot be loaded, saying why on the Jobs page', async () => {
    const client = readyClient([model('a')], {
      'jobs.list': () => {
        throw new AppError('internal', 'jobs store unreadable');
      },
    });
    const store = createAppStore(client, { storage: null });
    dispose = store.getState().init();
    await waitFor(() => expect(store.getState().jobsStatus).toBe('failed'));
    expect(store.getState().jobsError).toBe('jobs store unreadable');
    expect(store.getState().startup.status).toBe('ready');
  });

  it('a refused create becomes a notification naming the model', async () => {
    const { client, store } = started();
    await waitFor(() => expect(store.getState().startup.status).toBe('ready'));
    client.handlers['models.create'] = () => {
      throw new AppError('conflict', 'pm-v2 is being created already');
    };
    await store.getState().createModel('pm-v2', false);
    expect(store.getState().notifications.at(-1)).toMatchObject({ title: 'Could not create PM v2', message: 'pm-v2 is being created already' });
  });
});
