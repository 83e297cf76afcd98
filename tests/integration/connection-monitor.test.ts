import fs from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncState } from '../../src/shared/contract';
import { startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { startWorld, type World } from './create-fixtures';

/** Issue 10.2: connection truth within seconds, measured against the fake Ollama with the real probe. */

let world: World | undefined;
let fake: FakeOllama | undefined;
afterEach(async () => {
  await world?.close();
  await fake?.close();
  world = undefined;
  fake = undefined;
});

/** Resolves with the time (ms, performance.now) of the first sync.changed whose connection has `status`. */
function nextConnection(w: World, status: SyncState['connection']['status']): Promise<{ at: number; state: SyncState }> {
  return new Promise((resolve) => {
    const unsubscribe = w.services.bus.subscribe((event, payload) => {
      const state = payload as SyncState;
      if (event === 'sync.changed' && state.connection.status === status) {
        unsubscribe();
        resolve({ at: performance.now(), state });
      }
    });
  });
}

async function waitForMonitor(w: World, status: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (w.services.connection.status !== status) {
    if (Date.now() > deadline) throw new Error(`the monitor never became ${status}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the fake Ollama going offline', () => {
  it('closes idle keep-alive connections like a dying process', async () => {
    fake = await startFakeOllama();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const socket = await new Promise<Socket>((resolve, reject) => {
      const request = http.get(`${fake!.url}/api/version`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(request.socket as Socket));
      });
      request.on('error', reject);
    });
    // Back in the agent's pool, idle and open.
    await new Promise((r) => setImmediate(r));
    expect(socket.destroyed).toBe(false);
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const stoppedAt = performance.now();
    await fake.setOffline(true);
    await closed;
    expect(performance.now() - stoppedAt).toBeLessThan(500);
    agent.destroy();
  });
});

describe('connection monitor in the app services', () => {
  it('shows offline within 3 s of Ollama stopping and online within 3 s of its return; no status in the file changes', async () => {
    world = await startWorld();
    await waitForMonitor(world, 'online');
    const registryPath = world.services.session().store.get().workspace.registryPath;
    const bytes = fs.readFileSync(registryPath);

    const offline = nextConnection(world, 'offline');
    const stoppedAt = performance.now();
    await world.fake.setOffline(true);
    const lost = await offline;
    const offlineSeconds = (lost.at - stoppedAt) / 1000;
    expect(offlineSeconds).toBeLessThanOrEqual(3);
    expect(lost.state.connection.message).toMatch(/not reachable at .*connection (refused|reset|closed)/);

    // Stay away long enough for the probe to back off to its cap.
    await new Promise((r) => setTimeout(r, 6_000));
    const online = nextConnection(world, 'online');
    const backAt = performance.now();
    await world.fake.setOffline(false);
    const found = await online;
    const onlineSeconds = (found.at - backAt) / 1000;
    expect(onlineSeconds).toBeLessThanOrEqual(3);
    expect(found.state.ollamaModels.length).toBeGreaterThan(0);
    expect(fs.readFileSync(registryPath).equals(bytes)).toBe(true);
    console.info(`[measured] offline shown after ${offlineSeconds.toFixed(3)} s, online after ${onlineSeconds.toFixed(3)} s`);
  }, 30_000);

  it('adds at most one small request per 5 s to an idle, healthy Ollama', async () => {
    world = await startWorld();
    await waitForMonitor(world, 'online');
    const from = world.fake.requests.length;
    const seconds = 15;
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const seen = world.fake.requests.slice(from);
    const probes = seen.filter((r) => r.method === 'GET' && r.path === '/api/version');
    const others = seen.filter((r) => !(r.method === 'GET' && r.path === '/api/version'));
    console.info(`[measured] idle ${seconds} s: ${probes.length} GET /api/version, ${others.length} other requests`);
    expect(probes.length).toBeLessThanOrEqual(seconds / 5 + 1);
    // The periodic sync runs every 60 s: nothing else is asked while idle.
    expect(others).toEqual([]);
  }, 30_000);
});
