import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConfSettingsBackend, openSettingsBackend, type SettingsBackend } from '../../src/main/settings/backend';
import { DEFAULT_OLLAMA_TIMEOUT_SETTINGS as DEFAULTS } from '../../src/shared/ollama-timeouts';
import { SettingsStore } from '../../src/main/settings/store';

let dir: string;
let file: string;
const logs: string[] = [];
const log = (message: string) => logs.push(message);
const resolveHost = (host: string | null) => host ?? 'http://127.0.0.1:11434';

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-settings-'));
  file = path.join(dir, 'settings.json');
  logs.length = 0;
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function openStore(): SettingsStore {
  return new SettingsStore(openConfSettingsBackend(dir, log), { resolveHost, defaultWorkspace: '/default/ws', log });
}

describe('SettingsStore', () => {
  it('starts from defaults without writing a file', () => {
    expect(openStore().get()).toEqual({ ollamaHost: null, effectiveHost: 'http://127.0.0.1:11434', workspace: '/default/ws', ollamaTimeouts: DEFAULTS });
    expect(fs.existsSync(file)).toBe(false);
  });

  it('stores the host and the last workspace, and reads them back after a restart', () => {
    const store = openStore();
    expect(store.update({ ollamaHost: ' http://gpu-box:11434 ' })).toEqual({
      ollamaHost: 'http://gpu-box:11434',
      effectiveHost: 'http://gpu-box:11434',
      workspace: '/default/ws',
      ollamaTimeouts: DEFAULTS,
    });
    store.update({ workspace: '/home/me/models' });
    expect(openStore().get()).toEqual({ ollamaHost: 'http://gpu-box:11434', effectiveHost: 'http://gpu-box:11434', workspace: '/home/me/models', ollamaTimeouts: DEFAULTS });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ ollamaHost: 'http://gpu-box:11434', workspace: '/home/me/models' });
  });

  it('treats an empty host as "not set"', () => {
    const store = openStore();
    store.update({ ollamaHost: 'http://x:1' });
    expect(store.update({ ollamaHost: '' }).ollamaHost).toBeNull();
    expect(store.update({ ollamaHost: '  ' }).effectiveHost).toBe('http://127.0.0.1:11434');
  });

  it('keeps keys it does not know', () => {
    fs.writeFileSync(file, JSON.stringify({ windowBounds: { width: 800 }, ollamaHost: null }));
    openStore().update({ workspace: '/w' });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ windowBounds: { width: 800 }, ollamaHost: null, workspace: '/w' });
  });

  it('moves a corrupt file aside, logs why, and uses defaults', () => {
    fs.writeFileSync(file, '{ "ollamaHost": ');
    const store = openStore();
    expect(store.get().ollamaHost).toBeNull();
    const aside = fs.readdirSync(dir).filter((name) => name.startsWith('settings.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0]!), 'utf8')).toBe('{ "ollamaHost": ');
    expect(logs.join('\n')).toMatch(/settings\.json is not valid JSON .*moved it to .*settings\.json\.corrupt-/);
    store.update({ ollamaHost: 'http://h:1' });
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).ollamaHost).toBe('http://h:1');
  });

  it('ignores a value of the wrong type, keeping the others', () => {
    fs.writeFileSync(file, JSON.stringify({ ollamaHost: 11434, workspace: '/w' }));
    expect(openStore().get()).toEqual({ ollamaHost: null, effectiveHost: 'http://127.0.0.1:11434', workspace: '/w', ollamaTimeouts: DEFAULTS });
    expect(logs.join('\n')).toMatch(/ignoring the stored ollamaHost \(11434\)/);
  });

  it('stores only the Ollama time limits the user changed, and falls back to the defaults for a bad stored one', () => {
    const store = openStore();
    expect(store.update({ ollamaTimeouts: { stallSeconds: 1200 } }).ollamaTimeouts).toEqual({ ...DEFAULTS, stallSeconds: 1200 });
    store.update({ ollamaTimeouts: { connectSeconds: 3 } });
    expect(openStore().get().ollamaTimeouts).toEqual({ ...DEFAULTS, stallSeconds: 1200, connectSeconds: 3 });
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).ollamaTimeouts).toEqual({ stallSeconds: 1200, connectSeconds: 3 });

    fs.writeFileSync(file, JSON.stringify({ workspace: '/w', ollamaTimeouts: { stallSeconds: -5 } }));
    expect(openStore().get()).toMatchObject({ workspace: '/w', ollamaTimeouts: DEFAULTS });
    expect(logs.join('\n')).toMatch(/ignoring the stored ollamaTimeouts .*using the defaults/);
  });

  it('works over any backend with a path and a store (electron-store in the app)', () => {
    let data: Record<string, unknown> = { ollamaHost: 'http://a:1' };
    const backend: SettingsBackend = {
      path: '/nowhere/settings.json',
      get store() {
        return { ...data };
      },
      set store(value) {
        data = value;
      },
    };
    const store = new SettingsStore(openSettingsBackend(() => backend, backend.path, log), { resolveHost, defaultWorkspace: '/d' });
    expect(store.get().ollamaHost).toBe('http://a:1');
    store.update({ ollamaHost: null });
    expect(data).toEqual({ ollamaHost: null, workspace: null });
  });
});

describe('SettingsStore: hosts', () => {
  it('reads an old settings file (no hosts) as one primary named local on its ollamaHost, and leaves the file alone', () => {
    fs.writeFileSync(file, JSON.stringify({ ollamaHost: 'http://gpu-box:11434', workspace: '/w' }));
    const store = openStore();
    expect(store.hostsConfig()).toEqual({ primary: { name: 'local', url: 'http://gpu-box:11434' }, others: [] });
    store.update({ workspace: '/w2' });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ ollamaHost: 'http://gpu-box:11434', workspace: '/w2' });
  });

  it('stores the hosts and the primary name, keeps the primary URL in ollamaHost, and reads them back', () => {
    const store = openStore();
    store.updateHosts({ primary: { name: 'laptop', url: 'http://10.0.0.1:11434' }, others: [{ name: 'gpu', url: 'gpu-box' }] });
    expect(openStore().hostsConfig()).toEqual({ primary: { name: 'laptop', url: 'http://10.0.0.1:11434' }, others: [{ name: 'gpu', url: 'gpu-box' }] });
    expect(openStore().get().effectiveHost).toBe('http://10.0.0.1:11434');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ ollamaHost: 'http://10.0.0.1:11434', primaryHostName: 'laptop', hosts: [{ name: 'gpu', url: 'gpu-box' }] });
  });

  it('settings.update({ollamaHost}) still changes the primary URL and keeps the other hosts', () => {
    const store = openStore();
    store.updateHosts({ primary: { name: 'local', url: null }, others: [{ name: 'gpu', url: 'gpu-box' }] });
    store.update({ ollamaHost: 'http://new:11434' });
    expect(store.hostsConfig()).toEqual({ primary: { name: 'local', url: 'http://new:11434' }, others: [{ name: 'gpu', url: 'gpu-box' }] });
  });

  it('drops a bad or repeated stored host with a line in the log, keeping the rest', () => {
    fs.writeFileSync(file, JSON.stringify({ hosts: [{ name: 'gpu', url: 'a' }, { name: 'GPU', url: 'b' }, { name: 'bad name', url: 'c' }, { name: 'local', url: 'd' }, { name: 'ci', url: 'e' }] }));
    expect(openStore().hostsConfig().others).toEqual([{ name: 'gpu', url: 'a' }, { name: 'ci', url: 'e' }]);
    expect(logs.filter((l) => l.includes('ignoring a stored host'))).toHaveLength(3);
  });
});
