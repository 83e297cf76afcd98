// Loads the BUILT main entry and preload under plain Node with the stand-in electron module
// (run with `node --import ./tests/support/electron-stub/register.mjs`), drives them the way the
// window would, and prints what it saw as one JSON object for desktop-wiring.test.ts to judge.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '../..');
const PRELOAD = join(ROOT, 'out/preload/index.cjs');

const electron = await import('electron');
const stub = globalThis.__electronStub;
// A window place remembered on a monitor that is no longer there (the stub has one display).
mkdirSync(join(stub.root, 'userData'), { recursive: true });
writeFileSync(join(stub.root, 'userData', 'window-state.json'), JSON.stringify({ window: { x: 2500, y: 200, width: 1400, height: 900, maximized: true } }));
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
  windowPlace: { x: win.options.x ?? null, y: win.options.y ?? null, width: win.options.width, height: win.options.height, maximized: win.isMaximized() },
  loadedUrl: win.loadedUrl,
  headerHooks: stub.headerHooks.length,
  exposedKeys: Object.keys(stub.exposed),
  apiKeys: Object.keys(api),
  callKeys: Object.keys(api.calls),
};

const settle = () => sleep(20);

// Links: the window-open handler denies the window and asks before opening the browser.
stub.messageBoxResponse = 1; // Cancel
report.windowOpen = win.webContents.windowOpenHandler?.({ url: 'https://example.com/docs?q=1' }) ?? null;
await settle();
report.linkCancelled = { boxes: stub.messageBoxes.splice(0), opened: stub.openedExternally.splice(0) };
stub.messageBoxResponse = 0; // Open in browser
win.webContents.windowOpenHandler?.({ url: 'https://example.com/docs?q=1' });
await settle();
report.linkAccepted = { boxes: stub.messageBoxes.splice(0), opened: stub.openedExternally.splice(0) };
for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://bank.example@evil.example/', 'not a url']) {
  win.webContents.windowOpenHandler?.({ url });
}
win.webContents.windowOpenHandler?.({ url: 'mailto:someone@example.com' });
await settle();
report.linkOthers = { boxes: stub.messageBoxes.splice(0).map((b) => b.options.detail), opened: stub.openedExternally.splice(0) };

// Navigation: away is denied (and offered as a link); the page's own hash routes are not.
const navigate = (eventName, ...args) => {
  let prevented = false;
  win.webContents.emit(eventName, { preventDefault: () => (prevented = true), ...(typeof args[0] === 'object' ? args[0] : {}) }, ...args);
  return prevented;
};
stub.messageBoxResponse = 1;
report.navigationPrevented = navigate('will-navigate', 'https://evil.example/');
report.hashNavigationPrevented = navigate('will-navigate', `${win.loadedUrl}#/models/x`);
report.redirectPrevented = navigate('will-redirect', 'https://evil.example/');
const frameNav = (details) => {
  let prevented = false;
  win.webContents.emit('will-frame-navigate', { ...details, preventDefault: () => (prevented = true) });
  return prevented;
};
report.frameNavigation = {
  mainAway: frameNav({ url: 'https://evil.example/', isMainFrame: true }),
  mainHash: frameNav({ url: `${win.loadedUrl}#/jobs`, isMainFrame: true }),
  subframe: frameNav({ url: `${win.loadedUrl}`, isMainFrame: false }),
};
report.webviewPrevented = navigate('will-attach-webview');
await settle();
report.navigationDialogs = stub.messageBoxes.splice(0).map((b) => b.options.detail);
stub.openedExternally.splice(0);

// Permissions: requests, checks and devices all refused.
let granted = null;
stub.permissionHandlers[0]?.({}, 'media', (ok) => (granted = ok));
report.permissionGranted = granted;
report.permissionChecks = stub.permissionCheckHandlers.map((h) => h({}, 'media', 'app://modelwright', {}));
report.devicePermissions = stub.devicePermissionHandlers.map((h) => h({ deviceType: 'usb', origin: 'app://modelwright' }));

// The app:// scheme: privileged before ready, served from out/renderer only, with the CSP.
report.privilegedSchemes = stub.privilegedSchemes;
const handler = stub.protocolHandlers.get('app');
const asset = readdirSync(join(ROOT, 'out/renderer/assets')).find((name) => name.endsWith('.js'));
async function get(url, method = 'GET') {
  const res = await handler(new Request(url, { method }));
  const body = method === 'HEAD' ? '' : await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    csp: res.headers.get('content-security-policy'),
    head: body.slice(0, 15),
    // The page comes with its first screen rendered from the real services (the example workspace).
    firstCard: /data-model-name="peteollama:property-manager-v\d"/.test(body) && body.includes('id="mw-first-page"'),
  };
}
report.protocol = {
  root: await get('app://modelwright/'),
  index: await get('app://modelwright/index.html'),
  asset: await get(`app://modelwright/assets/${asset}`),
  missing: await get('app://modelwright/assets/nope.js'),
  route: await get('app://modelwright/models/x'),
  dotdot: await get('app://modelwright/../main/index.js'),
  encodedDotdot: await get('app://modelwright/%2e%2e/main/index.js'),
  encodedSlash: await get('app://modelwright/..%2fmain%2findex.js'),
  backslash: await get('app://modelwright/..%5cmain%5cindex.js'),
  dotfile: await get('app://modelwright/.env'),
  otherHost: await get('app://elsewhere/index.html'),
  post: await get('app://modelwright/', 'POST'),
};

report.registryGet = await api.calls['registry.get']({});
report.badInput = await api.calls['models.update']({ name: 'x', patch: { show_in_ui: 'yes' } });
stub.senderUrl = 'https://evil.example/';
report.foreignSender = await api.calls['registry.get']({});
// Another custom scheme: URL gives it the same opaque origin ("null") as app://.
stub.senderUrl = 'evil://modelwright/';
report.foreignSchemeSender = await api.calls['registry.get']({});
stub.senderUrl = `${win.loadedUrl}#/models`;
report.hashRouteSender = await api.calls['registry.get']({});
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

// A host token goes through safeStorage into the settings file, sealed.
const HOST_TOKEN = 'wiring-host-token-7e1d';
report.hostAdded = await api.calls['hosts.add']({ name: 'gpu', url: 'http://127.0.0.1:9', token: HOST_TOKEN });
const settingsText = readFileSync(join(stub.root, 'userData', 'settings.json'), 'utf8');
report.hostSettings = { hasSealed: JSON.parse(settingsText).hostTokens?.gpu !== undefined, clearTextInFile: settingsText.includes(HOST_TOKEN) };

// The application menu: File's items send their command to the page; Help asks before a link and opens the log folder.
const topLabel = (item) => (item.label ?? item.role ?? '').replace('&', '');
const template = stub.applicationMenu?.template ?? [];
report.menuLabels = template.map(topLabel);
const fileItems = (template.find((i) => topLabel(i) === 'File')?.submenu ?? []).filter((i) => i.accelerator);
report.menuAccelerators = fileItems.map((i) => i.accelerator);
const menuEvents = [];
const offMenu = api.subscribe('menu.command', (payload) => menuEvents.push(payload));
for (const item of fileItems) item.click();
offMenu();
report.menuCommands = menuEvents;
const helpItems = template.find((i) => topLabel(i) === 'Help')?.submenu ?? [];
stub.messageBoxResponse = 1;
helpItems.find((i) => i.label === 'Documentation')?.click();
await settle();
report.documentationDialogs = stub.messageBoxes.splice(0).map((b) => b.options.detail);
helpItems.find((i) => i.label === 'Open Log Folder')?.click();
await settle();
report.openedPaths = stub.openedPaths.splice(0);

// A renderer error comes through the contract into the log; an oversized one is refused.
const logFile = join(stub.root, 'logs', 'main.log');
report.rendererReport = await api.calls['app.reportError']({
  kind: 'error',
  message: 'TypeError: wiring-renderer-boom',
  stack: 'TypeError: wiring-renderer-boom\n    at App (app://modelwright/assets/index.js:1:2)',
  source: 'app://modelwright/assets/index.js:1:2',
});
report.rendererReportTooBig = await api.calls['app.reportError']({ kind: 'error', message: 'x'.repeat(3000) });

// Main's own uncaught errors: each logged with its stack, one dialog.
stub.messageBoxResponse = 1;
process.emit('uncaughtException', new Error('wiring-main-boom'));
process.emit('unhandledRejection', new Error('wiring-main-rejection'));
process.emit('uncaughtException', new Error('wiring-main-again'));
// Main's console output lands in the log too (the built main took console over at start).
console.error('[wiring] a line main printed');
await settle();
report.crashDialogs = stub.messageBoxes.splice(0).map((b) => ({ modal: b.modal, ...b.options }));
const logText = readFileSync(logFile, 'utf8');
report.log = {
  folder: join(stub.root, 'logs'),
  mainStack: /wiring-main-boom\n\s+at /.test(logText),
  rejection: logText.includes('wiring-main-rejection'),
  again: logText.includes('wiring-main-again'),
  renderer: /\[renderer\] an uncaught error: TypeError: wiring-renderer-boom\n {2}at app:\/\/modelwright\/assets\/index\.js:1:2\n {4}at App/.test(logText),
  oversized: logText.includes('x'.repeat(100)),
  console: /\[error\]\s+\[wiring\] a line main printed/.test(logText),
};

// The window's place is written when it closes.
win.bounds = { x: 50, y: 60, width: 1000, height: 700 };
win.emit('close');
report.savedPlace = JSON.parse(readFileSync(join(stub.root, 'userData', 'window-state.json'), 'utf8')).window;

process.stdout.write(JSON.stringify(report));
process.exit(0);
