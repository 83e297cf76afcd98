import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../src/main/services/app-services';
import { LLAMA3, PROPERTY_MANAGER_V1, QWEN3_30B, startFakeOllamas } from '../support/fake-ollama/index';
import { TEMPLATE_DIR } from './create-fixtures';
import { sleep, startHostsWorld, statuses, type HostsWorld } from './hosts-fixtures';

let world: HostsWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const names = (models: Array<{ name: string }> | null) => models?.map((m) => m.name).sort() ?? null;

/** local: the primary; gpu: its own models; ci: slow (300 ms per request). */
function threeHosts() {
  return startHostsWorld([
    { hostName: 'local', models: [LLAMA3, PROPERTY_MANAGER_V1] },
    { hostName: 'gpu', models: [LLAMA3, QWEN3_30B] },
    { hostName: 'ci', models: [LLAMA3], latencyMs: 300 },
  ]);
}

describe('the host pool with three fake Ollamas', () => {
  it('lists the hosts, the primary first, and each listing is its own host', async () => {
    world = await threeHosts();
    const { services, fakes } = world;
    const list = await services.handlers['hosts.list']({});
    expect(list.map((h) => [h.name, h.primary, h.effectiveUrl, h.hasToken])).toEqual([
      ['local', true, fakes[0]!.url, false],
      ['gpu', false, fakes[1]!.url, false],
      ['ci', false, fakes[2]!.url, false],
    ]);
    await Promise.all(['local', 'gpu', 'ci'].map((h) => services.hosts.refresh(h)));
    expect(names(services.hosts.snapshot('local').models)).toEqual(['llama3:latest', 'peteollama:property-manager-v1']);
    expect(names(services.hosts.snapshot('gpu').models)).toEqual(['llama3:latest', 'qwen3:30b']);
    expect(names(services.hosts.snapshot('ci').models)).toEqual(['llama3:latest']);
    expect(services.hosts.snapshot('GPU').connection).toMatchObject({ status: 'online', host: fakes[1]!.url, version: '0.18.0' });
    // hosts.changed follows connections too: its last word has every host online, as a list shows them.
    const last = world.events.filter((e) => e.event === 'hosts.changed').at(-1)?.payload as Array<{ name: string; connection: { status: string } }>;
    expect(last.map((h) => [h.name, h.connection.status])).toEqual([
      ['local', 'online'],
      ['gpu', 'online'],
      ['ci', 'online'],
    ]);
  });

  it('a host going offline is offline with its reason and no listing; no other host and no registry status changes', async () => {
    world = await threeHosts();
    const { services, fakes } = world;
    await Promise.all(['local', 'gpu', 'ci'].map((h) => services.hosts.refresh(h)));
    const before = { local: services.hosts.snapshot('local'), ci: services.hosts.snapshot('ci'), statuses: statuses(services) };
    world.events.length = 0;

    await fakes[1]!.setOffline(true);
    const gpu = await services.hosts.refresh('gpu');
    expect(gpu.connection.status).toBe('offline');
    expect(gpu.connection.message).toMatch(/not reachable/);
    expect(gpu.models).toBeNull();
    expect(services.hosts.list().find((h) => h.name === 'gpu')?.connection.status).toBe('offline');

    await services.hosts.refresh('local');
    await services.hosts.refresh('ci');
    expect(services.hosts.snapshot('local')).toEqual({ ...before.local, checkedAt: expect.any(String), connection: { ...before.local.connection, checkedAt: expect.any(String) } });
    expect(names(services.hosts.snapshot('ci').models)).toEqual(names(before.ci.models));
    expect(services.hosts.snapshot('ci').connection.status).toBe('online');
    // Nothing turned missing (or anything else) because gpu went away.
    expect(statuses(services)).toEqual(before.statuses);
    const changed = world.events.filter((e) => e.event === 'hosts.stateChanged').map((e) => (e.payload as { host: string }).host);
    expect(changed).toEqual(['gpu']);
  });

  it('the primary going offline leaves the other hosts listed and the statuses as they were', async () => {
    world = await threeHosts();
    const { services, fakes } = world;
    await Promise.all(['gpu', 'ci'].map((h) => services.hosts.refresh(h)));
    const before = statuses(services);
    await fakes[0]!.setOffline(true);
    const local = await services.hosts.refresh('local');
    expect(local.connection.status).toBe('offline');
    expect(local.models).toBeNull();
    expect(names(services.hosts.snapshot('gpu').models)).toEqual(['llama3:latest', 'qwen3:30b']);
    expect(statuses(services)).toEqual(before);
  });

  it('refresh without /api/ps keeps what it last said; one that needs it, asked meanwhile, is not served by the one without', async () => {
    world = await threeHosts();
    const { services, fakes } = world;
    const gpu = fakes[1]!;
    const ps = () => gpu.requestsTo('/api/ps').length;
    await services.hosts.refresh('gpu');
    const said = services.hosts.snapshot('gpu').running;
    expect(said).not.toBeNull();
    const before = ps();
    await services.hosts.refresh('gpu', { running: false });
    expect(ps()).toBe(before);
    expect(services.hosts.snapshot('gpu').running).toEqual(said);

    // Without /api/ps under way, a caller that needs it gets a refresh of its own after it.
    const [without, withPs] = await Promise.all([services.hosts.refresh('gpu', { running: false }), services.hosts.refresh('gpu')]);
    expect(ps()).toBe(before + 1);
    expect(withPs.checkedAt! >= without.checkedAt!).toBe(true);
    // With /api/ps under way, a caller that does not need it joins it.
    await Promise.all([services.hosts.refresh('gpu'), services.hosts.refresh('gpu', { running: false })]);
    expect(ps()).toBe(before + 2);
  });

  it('a slow host holds up no other: each is listed on its own', async () => {
    world = await threeHosts();
    const { services } = world;
    const done: string[] = [];
    await Promise.all(['ci', 'gpu', 'local'].map((h) => services.hosts.refresh(h).then(() => done.push(h))));
    expect(done.at(-1)).toBe('ci');
    expect(done.slice(0, 2).sort()).toEqual(['gpu', 'local']);
  });

  it('a removed host is no longer asked anything: its monitor and timer stop', async () => {
    world = await threeHosts();
    const { services, fakes } = world;
    // Offline, its monitor probes every 1–2 s.
    await fakes[1]!.setOffline(true);
    await services.hosts.refresh('gpu');
    await services.handlers['hosts.remove']({ name: 'gpu' });
    expect(services.hosts.has('gpu')).toBe(false);
    expect(() => services.hosts.gateway('gpu')).toThrow(/no host named "gpu".*local, ci/);
    await fakes[1]!.setOffline(false);
    fakes[1]!.clearRequests();
    await sleep(2500);
    expect(fakes[1]!.requests).toHaveLength(0);
  });

  it('making another host primary swaps URLs; the sync then follows the new primary', async () => {
    world = await threeHosts();
    const { services, fakes } = world;
    const list = await services.handlers['hosts.setPrimary']({ name: 'gpu' });
    expect(list.map((h) => [h.name, h.primary, h.url])).toEqual([
      ['gpu', true, fakes[1]!.url],
      ['local', false, fakes[0]!.url],
      ['ci', false, fakes[2]!.url],
    ]);
    expect((await services.handlers['settings.get']({})).ollamaHost).toBe(fakes[1]!.url);
    const state = await services.handlers['sync.now']({});
    expect(state.connection.host).toBe(fakes[1]!.url);
    expect(names(services.hosts.snapshot('gpu').models)).toEqual(['llama3:latest', 'qwen3:30b']);
    await services.hosts.refresh('local');
    expect(names(services.hosts.snapshot('local').models)).toEqual(['llama3:latest', 'peteollama:property-manager-v1']);
  });

  it('settings.update({ollamaHost}) still moves the primary, and the hosts list says so', async () => {
    world = await threeHosts();
    const { services, fakes } = world;
    await services.handlers['settings.update']({ ollamaHost: fakes[2]!.url.replace('127.0.0.1', 'localhost') });
    const primary = services.hosts.list()[0]!;
    expect(primary).toMatchObject({ name: 'local', primary: true });
    expect(primary.effectiveUrl).toBe(fakes[2]!.url.replace('127.0.0.1', 'localhost'));
    expect(world.events.some((e) => e.event === 'hosts.changed')).toBe(true);
  });
});

describe('hosts given on the command line', () => {
  it('are remembered in the settings like hosts added in Settings, and listed on their own', async () => {
    const [local, gpu] = await startFakeOllamas([{ models: [LLAMA3] }, { models: [QWEN3_30B] }]);
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-hosts-cli-ws-'));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-hosts-cli-data-'));
    const start = () =>
      createAppServices({ mode: 'headless', dataDir, defaultWorkspace: ws, workspace: ws, ollamaHost: local!.url, hosts: [{ name: 'gpu', url: gpu!.url }], env: {}, appVersion: '0', templateDir: TEMPLATE_DIR, passive: true });
    try {
      const first = await start();
      expect(first.hosts.list().map((h) => [h.name, h.effectiveUrl])).toEqual([['local', local!.url], ['gpu', gpu!.url]]);
      expect(names((await first.hosts.refresh('gpu')).models)).toEqual(['qwen3:30b']);
      await first.stop();
      const again = await start();
      expect(again.hosts.list()).toHaveLength(2);
      await again.stop();
    } finally {
      await Promise.all([local!.close(), gpu!.close()]);
      fs.rmSync(ws, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
