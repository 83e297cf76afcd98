import { describe, expect, it } from 'vitest';
import { DeploymentWrites } from '../../../src/main/deploy/deployment-writes';
import type { RegistryStore } from '../../../src/main/registry/store';
import type { Registry } from '../../../src/shared/registry';

const record = (digest: string) => ({ request_sha256: 'a'.repeat(64), digest, deployed_at: '2026-12-03T00:00:00.000Z' });

describe('DeploymentWrites', () => {
  it('writes the records that arrive during a write as one next write, and each caller learns when it is saved', async () => {
    const draft: Registry = { default_model: null, models: {}, base_models: {} };
    let writes = 0;
    let release: () => void = () => undefined;
    const store = {
      update: async (mutate: (d: Registry) => void) => {
        writes++;
        if (writes === 1) await new Promise<void>((resolve) => (release = resolve));
        mutate(draft);
      },
    } as unknown as RegistryStore;
    const queue = new DeploymentWrites(() => store);
    const first = queue.write('gpu', 'a-v1', record('1'));
    const rest = [queue.write('gpu', 'b-v1', record('2')), queue.write('cpu', 'a-v1', record('3')), queue.write('gpu', 'old-v1', null)];
    release();
    await Promise.all([first, ...rest]);
    expect(writes).toBe(2);
    expect(draft.deployments).toEqual({ gpu: { 'a-v1': record('1'), 'b-v1': record('2') }, cpu: { 'a-v1': record('3') } });
  });

  it('a failed write rejects its own callers only; the next batch is written', async () => {
    let calls = 0;
    const store = { update: async () => { calls++; if (calls === 1) throw new Error('busy'); } } as unknown as RegistryStore;
    const queue = new DeploymentWrites(() => store);
    const failed = queue.write('gpu', 'a-v1', record('1'));
    const later = queue.write('gpu', 'b-v1', record('2'));
    await expect(failed).rejects.toThrow('busy');
    await expect(later).resolves.toBeUndefined();
  });
});
