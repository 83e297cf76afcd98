// Loads the BUILT main entry and preload under plain Node with the stand-in electron module
// (run with `node --import ./tests/support/electron-stub/register.mjs`), drives them the way the
// window would, and prints what it saw as one JSON object for desktop-wiring.test.ts to judge.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '../..');
const PRELOAD = join(ROOT, 'out/preload/index.cjs');

const electron = await import('electron');
const stub = globalThis.__electronStub;
await import(pathToFileURL(join(ROOT, 'out/main/index.js')).href);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(check, what) {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await sleep(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}
await waitFor(() => stub.windows[0]?.loadedUrl, 'the main window to load its page');
const win = stub.windows[0];

// Run the preload as Electron's sandbox would: CommonJS, with only `electron` to require.
const sandboxRequire = (id) => {
  if (id === 'electron') return electron;
  throw new Error(`module not found: ${id} (a sandboxed preload can only require electron)`);
};
const preloadModule = { exports: {} };
new Function('require', 'module', 'exports', readFileSync(PRELOAD, 'utf8'))(sandboxRequire, preloadModule, preloadModule.exports);
const api = stub.exposed.api;

const report = {
  handlerChannels: [...stub.handlers.keys()],
  webPreferences: win.options.webPreferences,
  loadedUrl: win.loadedUrl,
  headerHooks: stub.headerHooks.length,
  exposedKeys: Object.keys(stub.exposed),
  apiKeys: Object.keys(api),
  callKeys: Object.keys(api.calls),
};

report.windowOpen = win.webContents.windowOpenHandler?.({ url: 'https://example.com' }) ?? null;
let prevented = false;
win.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://evil.example/');
report.navigationPrevented = prevented;
let granted = null;
stub.permissionHandlers[0]?.({}, 'media', (ok) => (granted = ok));
report.permissionGranted = granted;

report.registryGet = await api.calls['registry.get']({});
report.badInput = await api.calls['models.update']({ name: 'x', patch: { show_in_ui: 'yes' } });
stub.senderUrl = 'https://evil.example/';
report.foreignSender = await api.calls['registry.get']({});
delete stub.senderUrl;

const received = [];
const unsubscribe = api.subscribe('sync.changed', (payload) => received.push(payload));
report.syncNow = await api.calls['sync.now']({});
await waitFor(() => received.length > 0, 'a sync.changed event');
report.eventsReceived = received.slice(0, 1);
unsubscribe();
const before = received.length;
await api.calls['sync.now']({});
await sleep(50);
report.eventsAfterUnsubscribe = received.length - before;
report.stubRoot = stub.root;

process.stdout.write(JSON.stringify(report));
process.exit(0);
