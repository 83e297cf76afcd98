import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../src/shared/connection-state';
import { primaryOnlyPool } from '../../src/main/deploy/primary-pool';
import { createOllamaGateway } from '../../src/main/ollama/gateway';
import { createOllamaLink } from '../../src/main/ollama/ollama-link';
import { LLAMA3, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';

/** The one-host pool deploy runs on until the hosts service's pool is wired in. */

let fake: FakeOllama;
beforeEach(async () => {
  fake = await startFakeOllama({ models: [LLAMA3] });
});
afterEach(async () => {
  await fake.close();
});

const unknown: ConnectionState = { status: 'unknown', host: '', version: null, canCreate: false, warnings: [], message: null, checkedAt: null };

function pool() {
  const link = createOllamaLink(fake.url);
  const gateway = createOllamaGateway(link.host, { fetch: link.fetch, timeouts: link.timeouts });
  return primaryOnlyPool({
    view: () => ({ name: 'local', url: null, effectiveUrl: link.host, primary: true, hasToken: false, connection: unknown }),
    gateway: () => gateway,
    link: () => link,
    synced: () => ({ connection: unknown, models: [] }),
  });
}

describe('primaryOnlyPool', () => {
  it('refreshes by asking Ollama itself (no sync, so no status is written), and reports a host that stops answering as offline', async () => {
    const hosts = pool();
    expect(hosts.snapshot('local').models).toBeNull();
    const online = await hosts.refresh('local');
    expect(online.connection.status).toBe('online');
    expect(online.models?.map((m) => m.name)).toEqual(['llama3:latest']);
    expect(online.running).toEqual([]);
    await fake.setOffline(true);
    const offline = await hosts.refresh('local');
    expect(offline).toMatchObject({ models: null, running: null, connection: { status: 'offline' } });
    expect(offline.connection.message).toContain('not reachable');
  });

  it('knows only the primary, and names it when asked for another host', () => {
    const hosts = pool();
    expect(hosts.list().map((h) => h.name)).toEqual(['local']);
    expect(hosts.primaryName()).toBe('local');
    expect(hosts.has('gpu')).toBe(false);
    expect(() => hosts.gateway('gpu')).toThrow('There is no host named "gpu". The hosts are: local.');
  });
});
