/**
 * The closest test of the desktop path possible without the Electron binary: the BUILT main
 * entry and preload run under plain Node with a stand-in `electron` module
 * (tests/support/electron-stub) in a child process (wiring-harness.mjs), which reports what it
 * saw. Checked here: a handler for every contract call, the secure window options, the preload
 * exposing exactly the contract, a call from the preload reaching the real services, and events
 * flowing back.
 *
 * What it cannot see: real Chromium, the sandbox, the actual isolation boundary, the CSP as
 * Electron enforces it, and OS integration (single-instance lock, focus). Those are asserted
 * only as the options and handlers the app hands to Electron.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENTATION_URL } from '../../src/main/desktop/app-menu';
import { CONTENT_SECURITY_POLICY } from '../../src/main/desktop/window-options';
import { callNames, ipcChannel } from '../../src/shared/contract';
import { startFakeOllama, type FakeOllama } from '../support/fake-ollama';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const PRELOAD = join(ROOT, 'out/preload/index.cjs');
const RENDERER = join(ROOT, 'out/renderer/index.html');

interface Envelope {
  ok: boolean;
  value?: unknown;
  error?: { kind: string; message: string };
}
interface Report {
  handlerChannels: string[];
  webPreferences: Record<string, unknown>;
  loadedUrl: string;
  headerHooks: number;
  exposedKeys: string[];
  apiKeys: string[];
  callKeys: string[];
  windowOpen: unknown;
  linkCancelled: LinkOutcome;
  linkAccepted: LinkOutcome;
  linkOthers: { boxes: string[]; opened: string[] };
  navigationPrevented: boolean;
  hashNavigationPrevented: boolean;
  redirectPrevented: boolean;
  frameNavigation: { mainAway: boolean; mainHash: boolean; subframe: boolean };
  webviewPrevented: boolean;
  navigationDialogs: string[];
  permissionGranted: boolean | null;
  permissionChecks: boolean[];
  devicePermissions: boolean[];
  privilegedSchemes: { schemes: { scheme: string; privileges: Record<string, boolean> }[]; beforeReady: boolean }[];
  protocol: Record<string, Served>;
  foreignSchemeSender: Envelope;
  hashRouteSender: Envelope;
  registryGet: Envelope;
  badInput: Envelope;
  foreignSender: Envelope;
  syncNow: Envelope;
  eventsReceived: unknown[];
  eventsAfterUnsubscribe: number;
  stubRoot: string;
  hostAdded: Envelope;
  hostSettings: { hasSealed: boolean; clearTextInFile: boolean };
  windowPlace: { x: number | null; y: number | null; width: number; height: number; maximized: boolean };
  savedPlace: unknown;
  menuLabels: string[];
  menuAccelerators: string[];
  menuCommands: unknown[];
  documentationDialogs: string[];
  openedPaths: string[];
  rendererReport: Envelope;
  rendererReportTooBig: Envelope;
  crashDialogs: { modal: boolean; type: string; message: string; detail: string; buttons: string[] }[];
  log: { folder: string; mainStack: boolean; rejection: boolean; again: boolean; renderer: boolean; oversized: boolean; console: boolean };
}

interface LinkOutcome {
  boxes: { options: { message: string; detail: string; buttons: string[]; cancelId: number; defaultId: number }; modal: boolean }[];
  opened: string[];
}
interface Served {
  status: number;
  type: string | null;
  csp: string | null;
  firstCard: boolean;
  head: string;
}

let fake: FakeOllama;
let report: Report;

beforeAll(async () => {
  if (![join(ROOT, 'out/main/index.js'), PRELOAD, RENDERER].every(existsSync)) {
    await run(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT });
  }
  fake = await startFakeOllama({ models: [{ name: 'peteollama:property-manager-v1' }] });
  const { stdout } = await run(
    process.execPath,
    ['--import', pathToFileURL(join(ROOT, 'tests/support/electron-stub/register.mjs')).href, join(ROOT, 'tests/desktop/wiring-harness.mjs')],
    { cwd: ROOT, env: { ...process.env, OLLAMA_HOST: fake.url }, timeout: 60_000 },
  );
  report = JSON.parse(stdout) as Report;
}, 120_000);

afterAll(async () => {
  await fake?.close();
});

describe('desktop wiring (built main + preload under a stand-in electron)', () => {
  it('registers an IPC handler for every contract call and nothing else', () => {
    expect([...report.handlerChannels].sort()).toEqual(callNames.map(ipcChannel).sort());
  });

  it('opens the window with the secure options, the built preload and the built page', () => {
    expect(report.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: PRELOAD,
    });
    expect(report.loadedUrl).toBe('app://modelwright/');
    expect(report.headerHooks).toBe(1);
  });

  it('denies new windows, navigation away, redirects, frame navigation and webviews; the page may change its own hash route', () => {
    expect(report.windowOpen).toEqual({ action: 'deny' });
    expect(report.navigationPrevented).toBe(true);
    expect(report.hashNavigationPrevented).toBe(false);
    expect(report.redirectPrevented).toBe(true);
    expect(report.frameNavigation).toEqual({ mainAway: true, mainHash: false, subframe: true });
    expect(report.webviewPrevented).toBe(true);
  });

  it('opens a link in the browser only after a question naming the address, and only if the user says so', () => {
    expect(report.linkCancelled.opened).toEqual([]);
    expect(report.linkCancelled.boxes).toHaveLength(1);
    const box = report.linkCancelled.boxes[0]!;
    expect(box.modal).toBe(true);
    expect(box.options).toMatchObject({ message: 'Open this address in your browser?', detail: 'https://example.com/docs?q=1', cancelId: 1, defaultId: 1 });
    expect(box.options.buttons[0]).toBe('Open in browser');
    expect(report.linkAccepted.opened).toEqual(['https://example.com/docs?q=1']);
    // A navigation away is offered the same way (here declined), never followed in the window.
    expect(report.navigationDialogs).toEqual(['https://evil.example/']);
  });

  it('never asks about or opens file:, javascript:, other schemes or addresses hiding a host behind credentials; mailto is asked', () => {
    expect(report.linkOthers.boxes).toEqual(['mailto:someone@example.com']);
    expect(report.linkOthers.opened).toEqual(['mailto:someone@example.com']);
  });

  it('refuses every permission request and check, and every device', () => {
    expect(report.permissionGranted).toBe(false);
    expect(report.permissionChecks).toEqual([false]);
    expect(report.devicePermissions).toEqual([false]);
  });

  it('registers app:// as a standard, secure scheme before the app is ready', () => {
    expect(report.privilegedSchemes).toHaveLength(1);
    expect(report.privilegedSchemes[0]).toMatchObject({ beforeReady: true, schemes: [{ scheme: 'app', privileges: { standard: true, secure: true } }] });
  });

  it('serves the built UI over app:// with the CSP, and nothing outside out/renderer', () => {
    const { root, index, asset, missing, route, dotdot, encodedDotdot, encodedSlash, backslash, dotfile, otherHost, post } = report.protocol as Record<string, Served>;
    expect(root).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', csp: CONTENT_SECURITY_POLICY });
    expect(root?.head.toLowerCase()).toBe('<!doctype html>');
    expect(root?.firstCard).toBe(true);
    expect(asset?.firstCard).toBe(false);
    expect(index?.status).toBe(200);
    expect(asset).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    for (const refused of [missing, route, dotdot, encodedDotdot, encodedSlash, backslash, dotfile, otherHost]) expect(refused?.status).toBe(404);
    expect(post?.status).toBe(405);
  });

  it('exposes exactly the contract on window.api', () => {
    expect(report.exposedKeys).toEqual(['api']);
    expect([...report.apiKeys].sort()).toEqual(['calls', 'subscribe']);
    expect([...report.callKeys].sort()).toEqual([...callNames].sort());
  });

  it('a call made through the preload reaches the real services and answers', () => {
    expect(report.registryGet.ok).toBe(true);
    const snapshot = report.registryGet.value as { registry: { models: Record<string, unknown> }; workspace: { path: string } };
    // The first-run workspace was made from the bundled examples, under the (stub) documents folder.
    expect(Object.keys(snapshot.registry.models)).toContain('peteollama:property-manager-v2');
    expect(snapshot.workspace.path).toBe(join(report.stubRoot, 'documents', 'Modelwright'));
  });

  it('bad input gets a validation error naming the field, not a crash', () => {
    expect(report.badInput).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(report.badInput.error?.message).toContain('patch.show_in_ui');
  });

  it('refuses calls from a frame that is not the app page, even one on another custom scheme; hash routes are the page', () => {
    expect(report.foreignSender).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(report.foreignSchemeSender).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(report.hashRouteSender.ok).toBe(true);
  });

  it('an event sent by main reaches a preload listener, and stops after unsubscribe', () => {
    expect(report.syncNow.ok).toBe(true);
    expect(report.eventsReceived[0]).toMatchObject({ connection: { status: 'online', host: fake.url } });
    expect(report.eventsAfterUnsubscribe).toBe(0);
  });

  it('keeps a host token sealed with safeStorage in the settings file, and says only that the host has one', () => {
    expect(report.hostAdded.ok).toBe(true);
    const hosts = report.hostAdded.value as Array<{ name: string; hasToken: boolean }>;
    expect(hosts.map((h) => [h.name, h.hasToken])).toEqual([['local', false], ['gpu', true]]);
    expect(JSON.stringify(report.hostAdded)).not.toContain('wiring-host-token');
    expect(report.hostSettings).toEqual({ hasSealed: true, clearTextInFile: false });
  });

  it('sets the application menu; File sends New, Save and Create to the page through the contract event', () => {
    expect(report.menuLabels).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(report.menuAccelerators).toEqual(['CmdOrCtrl+N', 'CmdOrCtrl+S', 'CmdOrCtrl+Enter']);
    expect(report.menuCommands).toEqual([{ command: 'model.new' }, { command: 'editor.save' }, { command: 'model.create' }]);
  });

  it('Help → Documentation asks before opening the address; Help → Open Log Folder opens the log folder', () => {
    expect(report.documentationDialogs).toEqual([DOCUMENTATION_URL]);
    expect(report.openedPaths).toEqual([report.log.folder]);
    expect(report.log.folder).toBe(join(report.stubRoot, 'logs'));
  });

  it('a window remembered on a display that is gone opens at its size on the one left, placed by the OS, and its place is saved at close', () => {
    expect(report.windowPlace).toEqual({ x: null, y: null, width: 1400, height: 900, maximized: true });
    expect(report.savedPlace).toEqual({ x: 50, y: 60, width: 1000, height: 700, maximized: true });
  });

  it("a renderer error reaches the log through the contract with its stack, and the answer names the log folder; an oversized one is refused", () => {
    expect(report.rendererReport).toEqual({ ok: true, value: { logged: true, logFolder: report.log.folder } });
    expect(report.log.renderer).toBe(true);
    expect(report.rendererReportTooBig).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(report.log.oversized).toBe(false);
  });

  it("main's console output goes to main.log in the app's log folder", () => {
    expect(report.log.console).toBe(true);
  });

  it("main's uncaught errors are each logged with their stack and shown once, in a dialog pointing at the log file", () => {
    expect(report.log).toMatchObject({ mainStack: true, rejection: true, again: true });
    expect(report.crashDialogs).toHaveLength(1);
    const dialog = report.crashDialogs[0]!;
    expect(dialog).toMatchObject({ type: 'error', buttons: ['Open Log Folder', 'OK'] });
    expect(dialog.detail).toContain(join(report.log.folder, 'main.log'));
    expect(dialog.detail).toContain('Nothing was sent anywhere.');
  });
});
