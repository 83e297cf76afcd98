// @vitest-environment jsdom
import { waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../src/renderer/src/store/create-app-store';
import { MATRIX_REFRESH_MS } from '../../src/renderer/src/store/hosts-slice';
import { selectApplyChildren } from '../../src/renderer/src/store/apply-selectors';
import { AppError } from '../../src/shared/errors';
import { job, progress, snapshot } from './support/fixtures';
import { HOSTS, MATRIX, MODELS, PLAN } from './support/hosts-fixtures';
import { readyClient } from './support/ready-client';

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  dispose = undefined;
  vi.useRealTimers();
});

function started() {
  const client = readyClient(MODELS, { 'hosts.list': () => HOSTS, 'hosts.matrix': () => MATRIX });
  const store = createAppStore(client, { storage: null });
  dispose = store.getState().init();
  return { client, store };
}

describe('hosts in the store', () => {
  it('reads the hosts at start and follows hosts.changed', async () => {
    const { client, store } = started();
    await waitFor(() => expect(store.getState().hosts).toEqual(HOSTS));
    client.emit('hosts.changed', HOSTS.slice(0, 1));
    expect(store.getState().hosts).toEqual(HOSTS.slice(0, 1));
  });

  it('does not read the matrix until something shows it', async () => {
    const { client, store } = started();
    await waitFor(() => expect(store.getState().hosts).toEqual(HOSTS));
    client.emit('hosts.stateChanged', { host: 'gpu-box' });
    client.emit('registry.changed', snapshot(MODELS));
    await new Promise((resolve) => setTimeout(resolve, MATRIX_REFRESH_MS + 50));
    expect(client.callsTo('hosts.matrix')).toEqual([]);
  });
});

describe('the matrix stays current, a few reads a second at most', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });

  async function loaded() {
    const { client, store } = started();
    store.getState().navigate('hosts');
    await store.getState().loadMatrix();
    expect(store.getState().matrix.value).toEqual(MATRIX);
    return { client, store };
  }

  it('a burst of hosts.stateChanged and registry.changed becomes one read after the interval', async () => {
    const { client } = await loaded();
    for (let i = 0; i < 20; i++) {
      client.emit('hosts.stateChanged', { host: 'gpu-box' });
      client.emit('registry.changed', snapshot(MODELS));
    }
    expect(client.callsTo('hosts.matrix')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(MATRIX_REFRESH_MS);
    expect(client.callsTo('hosts.matrix')).toHaveLength(2);
    // Over two seconds of steady events: no more than one read per interval.
    for (let t = 0; t < 2000; t += 50) {
      client.emit('hosts.stateChanged', { host: 'gpu-box' });
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(client.callsTo('hosts.matrix').length).toBeLessThanOrEqual(2 + Math.ceil(2000 / MATRIX_REFRESH_MS) + 1);
    expect(client.callsTo('hosts.matrix').length).toBeGreaterThanOrEqual(5);
  });

  it('job.updated reads it again when a job on a host or an apply starts or ends, not on each progress tick nor for primary jobs', async () => {
    const { client } = await loaded();
    client.emit('job.updated', job({ id: 'p1', kind: 'create', target: 'pm-v1', state: 'running' }));
    await vi.advanceTimersByTimeAsync(MATRIX_REFRESH_MS * 2);
    expect(client.callsTo('hosts.matrix')).toHaveLength(1);

    client.emit('job.updated', job({ id: 'h1', kind: 'create', target: 'pm-v1', host: 'gpu-box', state: 'running' }));
    await vi.advanceTimersByTimeAsync(MATRIX_REFRESH_MS);
    expect(client.callsTo('hosts.matrix')).toHaveLength(2);
    for (let i = 1; i <= 10; i++) {
      client.emit('job.updated', job({ id: 'h1', kind: 'create', target: 'pm-v1', host: 'gpu-box', state: 'running', progress: progress({ percent: i * 9, total: 100, completed: i * 9 }) }));
    }
    await vi.advanceTimersByTimeAsync(MATRIX_REFRESH_MS * 2);
    expect(client.callsTo('hosts.matrix')).toHaveLength(2);

    client.emit('job.updated', job({ id: 'h1', kind: 'create', target: 'pm-v1', host: 'gpu-box', state: 'succeeded', endedAt: new Date().toISOString() }));
    await vi.advanceTimersByTimeAsync(MATRIX_REFRESH_MS);
    expect(client.callsTo('hosts.matrix')).toHaveLength(3);

    client.emit('job.updated', job({ id: 'a1', kind: 'apply', target: 'all hosts', host: null, state: 'running' }));
    await vi.advanceTimersByTimeAsync(MATRIX_REFRESH_MS);
    expect(client.callsTo('hosts.matrix')).toHaveLength(4);
  });

  it('is left alone while no page shows it; the Hosts page reads it afresh when opened', async () => {
    const { client, store } = await loaded();
    store.getState().navigate('models');
    client.emit('hosts.stateChanged', { host: 'gpu-box' });
    client.emit('job.updated', job({ id: 'h9', kind: 'create', target: 'pm-v1', host: 'gpu-box', state: 'running' }));
    await vi.advanceTimersByTimeAsync(MATRIX_REFRESH_MS * 3);
    expect(client.callsTo('hosts.matrix')).toHaveLength(1);
    store.getState().openDeployDialog('pm-v1');
    await vi.advanceTimersByTimeAsync(0);
    expect(client.callsTo('hosts.matrix')).toHaveLength(2);
  });

  it('a failed re-read keeps the matrix shown and says so', async () => {
    const { client, store } = await loaded();
    client.handlers['hosts.matrix'] = () => {
      throw new AppError('offline', 'Modelwright could not reach its own service.');
    };
    client.emit('hosts.stateChanged', { host: 'gpu-box' });
    await vi.advanceTimersByTimeAsync(MATRIX_REFRESH_MS);
    expect(store.getState().matrix).toMatchObject({ status: 'failed', value: MATRIX });
  });
});

describe('plan and apply in the store', () => {
  it('plans for one host, and a prune asked meanwhile wins over the first answer', async () => {
    const { client, store } = started();
    let release: (() => void) | undefined;
    client.handlers['deploy.plan'] = (input) =>
      input.prune ? { ...PLAN, prune: true } : new Promise((resolve) => (release = () => resolve(PLAN)));
    const first = store.getState().openPlan({ host: 'gpu-box', prune: false });
    await store.getState().openPlan({ host: 'gpu-box', prune: true });
    release?.();
    await first;
    expect(client.callsTo('deploy.plan')).toEqual([
      { prune: false, hosts: ['gpu-box'] },
      { prune: true, hosts: ['gpu-box'] },
    ]);
    expect(store.getState().plan).toMatchObject({ status: 'ready', plan: { prune: true } });
  });

  it('apply runs a fresh plan as a job and keeps its id for the progress view', async () => {
    const { client, store } = started();
    client.handlers['deploy.plan'] = () => PLAN;
    const applyJob = job({ id: 'apply-1', kind: 'apply', target: 'all hosts', state: 'queued' });
    client.handlers['deploy.apply'] = () => ({ plan: PLAN, job: applyJob });
    await store.getState().openPlan({ host: null, prune: false });
    await store.getState().applyPlan();
    expect(client.callsTo('deploy.apply')).toEqual([{ prune: false }]);
    expect(store.getState().plan).toMatchObject({ status: 'applied', jobId: 'apply-1' });
    expect(store.getState().jobs['apply-1']).toEqual(applyJob);
  });
});

describe('jobs on other hosts', () => {
  it('a deploy job that ends says on which host; a failed one runs again as a deploy there', async () => {
    const { client, store } = started();
    await waitFor(() => expect(store.getState().jobsStatus).toBe('ready'));
    client.handlers['deploy.version'] = ({ name, host }) => job({ id: 'd2', kind: 'create', target: name, host, state: 'queued' });
    const running = job({ id: 'd1', kind: 'create', target: 'support-bot-v2', host: 'gpu-box', state: 'running' });
    client.emit('job.updated', running);
    client.emit('job.updated', { ...running, state: 'succeeded', endedAt: new Date().toISOString() });
    expect(store.getState().notifications.at(-1)).toMatchObject({ tone: 'success', title: 'Created Support Bot v2 on gpu-box' });
    const failed = { ...running, id: 'd3', state: 'failed' as const, error: 'pull model manifest: file does not exist', endedAt: new Date().toISOString() };
    client.emit('job.updated', { ...failed, state: 'running', error: null, endedAt: null });
    client.emit('job.updated', failed);
    const notice = store.getState().notifications.at(-1)!;
    expect(notice).toMatchObject({ tone: 'error', title: 'Could not create Support Bot v2 on gpu-box' });
    notice.action!.run();
    await waitFor(() => expect(client.callsTo('deploy.version')).toEqual([{ name: 'support-bot-v2', host: 'gpu-box' }]));
    expect(client.callsTo('models.create')).toEqual([]);
  });
});

describe("an apply's jobs", () => {
  it('are the jobs since it began on the hosts it changes, the primary’s included (they name no host)', () => {
    const { store } = started();
    const at = (t: string) => `2026-12-03T10:0${t}.000Z`;
    for (const j of [
      job({ id: 'apply-1', kind: 'apply', target: 'local, gpu-box', createdAt: at('2:00') }),
      job({ id: 'before', kind: 'create', target: 'pm-v1', host: 'gpu-box', createdAt: at('1:00') }),
      job({ id: 'on-gpu', kind: 'pull', target: 'llama3:latest', host: 'gpu-box', createdAt: at('2:01') }),
      job({ id: 'on-primary', kind: 'create', target: 'pm-v2', host: null, createdAt: at('2:02') }),
      job({ id: 'elsewhere', kind: 'create', target: 'pm-v2', host: 'ci-runner', createdAt: at('2:03') }),
    ]) {
      store.getState().receiveJob(j, 'call');
    }
    expect(selectApplyChildren('apply-1', ['local', 'gpu-box'], 'local')(store.getState()).map((j) => j.id)).toEqual(['on-gpu', 'on-primary']);
    expect(selectApplyChildren('apply-1', ['gpu-box'], 'local')(store.getState()).map((j) => j.id)).toEqual(['on-gpu']);
  });
});
