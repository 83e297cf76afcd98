/**
 * Updates against a local feed: electron-updater's own Linux updater (AppImage) asks a small
 * HTTP server on loopback for `latest-linux.yml`, as it would ask GitHub releases. Electron is
 * absent, so the updater gets a stand-in app (its AppAdapter) and Node's HTTP instead of
 * Electron's net module; the feed, its parsing and the version comparison are electron-updater's.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { AppUpdater } from 'electron-updater';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobState } from '../../src/shared/jobs';
import { releaseNotesText, UpdateService } from '../../src/main/updates/update-service';

// electron-updater and builder-util are CommonJS; builder-util's Node HTTP client is what
// electron-builder itself uses.
const require = createRequire(import.meta.url);
const { AppImageUpdater } = require('electron-updater') as { AppImageUpdater: new (options: unknown, app: unknown) => AppUpdater };
const { NodeHttpExecutor } = require('builder-util/out/nodeHttpExecutor') as { NodeHttpExecutor: new () => unknown };

const FEED = `version: 0.2.0
files:
  - url: Modelwright-0.2.0.AppImage
    sha512: aGVsbG8=
    size: 5
path: Modelwright-0.2.0.AppImage
sha512: aGVsbG8=
releaseDate: '2026-12-01T00:00:00.000Z'
releaseNotes: <p>Creates show the <b>layer</b> being written.</p>
`;

let server: Server;
let requests: string[];
let tmp: string;
const savedAppImage = process.env.APPIMAGE;

function updater(version: string): AppUpdater {
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
  u.autoDownload = false;
  u.logger = null;
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
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
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
