import { describe, expect, it } from 'vitest';
import type { Job } from '../../src/shared/jobs';
import { EventBus } from '../../src/main/events';
import { Preloader } from '../../src/main/running/preload';
import type { RunningModels } from '../../src/main/running/running-models';
import type { OllamaGateway } from '../../src/main/ollama/types';
import type { WorkspaceSession } from '../../src/main/services/workspace-session';

const job = (fields: Partial<Job>): Job => ({
  id: 'j1', kind: 'create', target: 'bot-v1', state: 'succeeded', createdAt: '', startedAt: null, endedAt: null, steps: [], progress: null, error: null, log: [], ...fields,
});

function preloaderWithLoads() {
  const bus = new EventBus();
  const loads: string[] = [];
  const gateway = { load: async (model: string) => void loads.push(model) } as unknown as OllamaGateway;
  const registry = { default_model: null, models: { 'bot-v1': { name: 'bot-v1', auto_preload: true } }, base_models: {} };
  const session = { dir: '/ws', store: { get: () => ({ registry }) } } as unknown as WorkspaceSession;
  const running = { refresh: async () => [] } as unknown as RunningModels;
  const preloader = new Preloader({ bus, gateway: () => gateway, session: () => session, running });
  return { bus, loads, preloader };
}

describe('Preloader after a create', () => {
  it('loads an auto_preload model on the primary after its create there', async () => {
    const { bus, loads, preloader } = preloaderWithLoads();
    bus.emit('job.updated', job({}));
    await preloader.idle();
    expect(loads).toEqual(['bot-v1']);
  });

  it('loads nothing on the primary when the create ran on another host', async () => {
    const { bus, loads, preloader } = preloaderWithLoads();
    bus.emit('job.updated', job({ id: 'j2', host: 'gpu-box' }));
    await preloader.idle();
    expect(loads).toEqual([]);
  });
});
