/**
 * Updates against a local feed: electron-updater's own Linux updater (AppImage) asks a small
 * HTTP server on loopback for `latest-linux.yml`, as it would ask GitHub releases. Electron is
 * absent, so the updater gets a stand-in app (its AppAdapter) and Node's HTTP instead of
 * Electron's net module; the feed, its parsing and the version comparison are electron-updater's.
 */
import { createServer, request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { AppUpdater } from 'electron-updater';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobState } from '../../src/shared/jobs';
import { releaseNotesText, UpdateService } from '../../src/main/updates/update-service';
import { createUpdatesFeature, UPDATES_SETTINGS_KEY } from '../../src/main/updates/updates-feature';
import { EventBus } from '../../src/main/events';
import { openConfSettingsBackend } from '../../src/main/settings/backend';
import { SettingsStore } from '../../src/main/settings/store';
import type { EventName } from '../../src/shared/contract';
import type { UpdatesStatus } from '../../src/shared/updates';

// electron-updater is CommonJS. Its HTTP client for Electron, with Node's http.request in place of
// Electron's net.request (same request/response events): its checks and downloads run as in the app.
const require = createRequire(import.meta.url);
const { AppImageUpdater } = require('electron-updater') as { AppImageUpdater: new (options: unknown, app: unknown) => AppUpdater };
const { ElectronHttpExecutor } = require('electron-updater/out/electronHttpExecutor') as {
  ElectronHttpExecutor: new () => { createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest };
};
class NodeHttpExecutor extends ElectronHttpExecutor {
  override createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    return httpRequest(options, callback);
  }
}

// The "new version" the feed offers: a few bytes with their real sha512, so a download succeeds.
const NEW_APP = Buffer.from('#!/bin/sh\necho modelwright 0.2.0\n');
const NEW_APP_SHA512 = createHash('sha512').update(NEW_APP).digest('base64');
const FEED = `version: 0.2.0
files:
  - url: Modelwright-0.2.0.AppImage
    sha512: ${NEW_APP_SHA512}
    size: ${NEW_APP.length}
path: Modelwright-0.2.0.AppImage
sha512: ${NEW_APP_SHA512}
releaseDate: '2026-12-01T00:00:00.000Z'
releaseNotes: <p>Creates show the <b>layer</b> being written.</p>
`;

let server: Server;
let requests: string[];
let tmp: string;
const savedAppImage = process.env.APPIMAGE;

function updater(version: string, { feedFromFile = false } = {}): AppUpdater {
  const app = {
    version,
    name: 'Modelwright',
    isPackaged: true,
    appUpdateConfigPath: join(tmp, 'app-update.yml'),
    userDataPath: join(tmp, 'user-data'),
    baseCachePath: join(tmp, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
  const u = new AppImageUpdater(null, app);
  (u as unknown as { httpExecutor: unknown }).httpExecutor = new NodeHttpExecutor();
  u.logger = process.env.DBG ? console : null;
  if (feedFromFile) return u;
  u.autoDownload = false;
  u.setFeedURL({ provider: 'generic', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` });
  return u;
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'mw-updates-'));
  // The AppImage updater only runs inside an AppImage, which it recognises by this variable.
  process.env.APPIMAGE = join(tmp, 'Modelwright.AppImage');
  requests = [];
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url?.startsWith('/latest-linux.yml')) res.end(FEED);
    else if (req.url === '/Modelwright-0.2.0.AppImage') res.writeHead(200, { 'content-length': NEW_APP.length }).end(NEW_APP);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // What electron-builder writes into a packaged app's resources from electron-builder.ts `publish`
  // (there: GitHub releases); the packaged updater reads its feed from it.
  writeFileSync(join(tmp, 'app-update.yml'), `provider: generic\nurl: http://127.0.0.1:${(server.address() as AddressInfo).port}/\nupdaterCacheDirName: modelwright-updater\n`);
});

afterAll(async () => {
  if (savedAppImage === undefined) delete process.env.APPIMAGE;
  else process.env.APPIMAGE = savedAppImage;
  await new Promise((resolve) => server.close(resolve));
  rmSync(tmp, { recursive: true, force: true });
});

const desktop = () => ({ mode: 'desktop' as const, packaged: true, enabled: true });

describe('updates from a local feed', () => {
  it('finds the newer version in the feed, with its release notes as text', async () => {
    const service = new UpdateService({ updater: updater('0.1.0'), context: desktop, jobs: () => [] });
    expect(await service.checkIfDue()).toEqual({ kind: 'available', version: '0.2.0', notes: 'Creates show the layer being written.' });
    expect(requests.some((url) => url.startsWith('/latest-linux.yml'))).toBe(true);
  });

  it('finds nothing when the app is already at the feed’s version', async () => {
    const service = new UpdateService({ updater: updater('0.2.0'), context: desktop, jobs: () => [] });
    expect(await service.checkIfDue()).toEqual({ kind: 'none' });
  });

  it('asks the feed nothing when updates are turned off, and then only once a day', async () => {
    let enabled = false;
    let now = 0;
    const service = new UpdateService({ updater: updater('0.1.0'), context: () => ({ ...desktop(), enabled }), jobs: () => [], now: () => now });
    requests.length = 0;
    await service.checkIfDue();
    expect(requests).toEqual([]);
    enabled = true;
    await service.checkIfDue();
    await service.checkIfDue();
    now += 60 * 60 * 1000;
    await service.checkIfDue();
    expect(requests).toHaveLength(1);
  });

  it('restarts into a downloaded update only when no create or pull is unfinished', async () => {
    const u = updater('0.1.0');
    const install = vi.spyOn(u, 'quitAndInstall').mockImplementation(() => undefined);
    let state: JobState = 'running';
    const service = new UpdateService({ updater: u, context: desktop, jobs: () => [{ kind: 'create', target: 'peteollama:property-manager-v2', state }] });
    await service.checkIfDue();
    expect(service.restart()).toEqual({ allowed: false, reason: 'No update has been downloaded yet.' });
    u.emit('update-downloaded', { version: '0.2.0', releaseNotes: 'Notes', files: [], path: '', sha512: '', releaseDate: '', downloadedFile: join(tmp, 'Modelwright-0.2.0.AppImage') });
    expect(service.state()).toEqual({ kind: 'ready', version: '0.2.0', notes: 'Notes' });
    expect(service.restart()).toEqual({ allowed: false, reason: 'Restart after Modelwright finishes creating peteollama:property-manager-v2.' });
    expect(install).not.toHaveBeenCalled();
    state = 'succeeded';
    expect(service.restart()).toEqual({ allowed: true });
    expect(install).toHaveBeenCalledOnce();
  });

  it('turns release notes given per version into text', () => {
    expect(releaseNotesText([{ version: '0.2.0', note: '<ul><li>One</li></ul>' }, { version: '0.1.1', note: null }])).toBe('0.2.0: One\n\n0.1.1:');
    expect(releaseNotesText(null)).toBe('');
  });
});

describe('the desktop app\'s updates, as the app wires them (contract handlers, event, setting)', () => {
  const memorySettings = () => {
    const values = new Map<string, unknown>();
    return { readKey: (key: string) => values.get(key), writeKey: (key: string, value: unknown) => void values.set(key, value) };
  };
  const collect = (bus: EventBus) => {
    const seen: UpdatesStatus[] = [];
    bus.subscribe((event: EventName, payload) => {
      if (event === 'updates.changed') seen.push(payload as UpdatesStatus);
    });
    return seen;
  };
  const until = async (check: () => boolean, what: string) => {
    for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
    if (!check()) throw new Error(`timed out waiting for ${what}`);
  };

  it('checks at start, downloads in the background, says so with version and notes, and refuses to restart while a create runs', async () => {
    const u = updater('0.1.0', { feedFromFile: true });
    const install = vi.spyOn(u, 'quitAndInstall').mockImplementation(() => undefined);
    const bus = new EventBus();
    const seen = collect(bus);
    let state: JobState = 'running';
    const feature = createUpdatesFeature({
      mode: 'desktop',
      packaged: true,
      updater: async () => u,
      settings: memorySettings(),
      bus,
      jobs: () => [{ kind: 'create', target: 'peteollama:property-manager-v2', state }],
      log: () => undefined,
    });
    requests.length = 0;
    feature.start();
    await until(() => seen.some((s) => s.state.kind === 'ready'), 'the update to be downloaded');
    feature.stop();
    expect(requests).toEqual(expect.arrayContaining([expect.stringMatching(/^\/latest-linux\.yml/), '/Modelwright-0.2.0.AppImage']));
    const ready = await feature.handlers['updates.get']({});
    expect(ready).toMatchObject({ enabled: true, inactiveReason: null, state: { kind: 'ready', version: '0.2.0', notes: 'Creates show the layer being written.' } });
    expect(ready.lastCheckAt).not.toBeNull();
    await expect(feature.handlers['updates.restart']({})).rejects.toMatchObject({
      kind: 'conflict',
      message: 'Restart after Modelwright finishes creating peteollama:property-manager-v2.',
    });
    expect(install).not.toHaveBeenCalled();
    state = 'succeeded';
    await expect(feature.handlers['updates.restart']({})).resolves.toEqual({ restarting: true });
    expect(install).toHaveBeenCalledOnce();
  });

  it('never asks the feed in headless mode, nor from a build run from the repository, and says why', async () => {
    for (const [mode, packaged] of [['headless', true], ['desktop', false]] as const) {
      const make = vi.fn(async () => updater('0.1.0', { feedFromFile: true }));
      const feature = createUpdatesFeature({ mode, packaged, updater: make, settings: memorySettings(), bus: new EventBus(), jobs: () => [] });
      requests.length = 0;
      feature.start();
      await new Promise((r) => setTimeout(r, 100));
      feature.stop();
      expect(make).not.toHaveBeenCalled();
      expect(requests).toEqual([]);
      const status = await feature.handlers['updates.get']({});
      expect(status.inactiveReason).toMatch(mode === 'headless' ? /headless server never updates itself/ : /built from the source code/);
      await expect(feature.handlers['updates.restart']({})).rejects.toMatchObject({ kind: 'conflict' });
    }
  });

  it('is off with one setting, remembered in the settings file across restarts, and on again checks at once', async () => {
    const dataDir = join(tmp, 'settings-data');
    const open = () => new SettingsStore(openConfSettingsBackend(dataDir), { resolveHost: (h) => h ?? 'http://127.0.0.1:11434', defaultWorkspace: tmp });
    const make = vi.fn(async () => updater('0.1.0', { feedFromFile: true }));
    const first = createUpdatesFeature({ mode: 'desktop', packaged: true, updater: make, settings: open(), bus: new EventBus(), jobs: () => [] });
    expect(await first.handlers['updates.setEnabled']({ enabled: false })).toMatchObject({ enabled: false });

    // The next start of the app reads the setting and asks nothing.
    const bus = new EventBus();
    const seen = collect(bus);
    const settings = open();
    expect(settings.readKey(UPDATES_SETTINGS_KEY)).toEqual({ enabled: false });
    const second = createUpdatesFeature({ mode: 'desktop', packaged: true, updater: make, settings, bus, jobs: () => [], log: () => undefined });
    requests.length = 0;
    second.start();
    await new Promise((r) => setTimeout(r, 100));
    expect(make).not.toHaveBeenCalled();
    expect(requests).toEqual([]);
    expect(await second.handlers['updates.get']({})).toMatchObject({ enabled: false, state: { kind: 'none' } });

    await second.handlers['updates.setEnabled']({ enabled: true });
    await until(() => requests.some((url) => url.startsWith('/latest-linux.yml')), 'a check once turned on');
    await until(() => seen.some((s) => s.state.kind !== 'none'), 'the found version');
    second.stop();
    expect(make).toHaveBeenCalledOnce();
  });
});
