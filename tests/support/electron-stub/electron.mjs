// A stand-in for the `electron` module, so the built main entry and preload can be loaded under
// plain Node (the Electron binary cannot run here). It records what the app asks of Electron and
// routes IPC between ipcMain and ipcRenderer in-process. It models no rendering, no sandbox and
// no real process boundary: the wiring test says so.
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A packaged app: Electron sets process.resourcesPath and app.isPackaged. The packaging test asks
// for that with these two variables; the wiring test runs as the repository build (neither set).
const packagedResources = process.env.MW_STUB_RESOURCES_PATH;
if (packagedResources) process.resourcesPath = packagedResources;

const state = (globalThis.__electronStub ??= {
  root: mkdtempSync(join(tmpdir(), 'mw-electron-stub-')),
  windows: [],
  handlers: new Map(),
  exposed: {},
  rendererListeners: new Map(),
  headerHooks: [],
  permissionHandlers: [],
  permissionCheckHandlers: [],
  devicePermissionHandlers: [],
  privilegedSchemes: [],
  protocolHandlers: new Map(),
  messageBoxes: [],
  /** The button the next message box answers with (index); 1 is Cancel in the app's dialogs. */
  messageBoxResponse: 1,
  openedExternally: [],
  ready: false,
  appEvents: new EventEmitter(),
  webContentsCreated: [],
  quit: false,
  /** The application menu as the app built it (its template, with the click functions). */
  applicationMenu: null,
  /** Folders and files handed to the OS to open (shell.openPath). */
  openedPaths: [],
  notifications: [],
  /** The displays' work areas; the first is the primary. */
  displays: [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
});

class WebContentsStub extends EventEmitter {
  constructor(win) {
    super();
    this.win = win;
    this.id = state.windows.length + 1;
    this.windowOpenHandler = null;
    this.sent = [];
  }
  send(channel, ...args) {
    this.sent.push([channel, ...args]);
    for (const listener of state.rendererListeners.get(channel) ?? []) listener({ sender: null }, ...args);
  }
  isDestroyed() {
    return false;
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  getURL() {
    return this.win.loadedUrl ?? '';
  }
  get mainFrame() {
    return { url: this.getURL() };
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.loadedUrl = null;
    this.webContents = new WebContentsStub(this);
    state.windows.push(this);
    state.appEvents.emit('web-contents-created', {}, this.webContents);
  }
  async loadFile(file) {
    this.loadedUrl = new URL(`file://${file}`).href;
    this.emit('ready-to-show');
  }
  async loadURL(url) {
    this.loadedUrl = url;
    this.emit('ready-to-show');
  }
  show() {}
  focus() {}
  restore() {}
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return Boolean(this.maximized);
  }
  isMinimized() {
    return false;
  }
  isFullScreen() {
    return false;
  }
  /** Unfocused unless a test says otherwise (`win.focused = true`). */
  isFocused() {
    return Boolean(this.focused);
  }
  getNormalBounds() {
    const { x = 100, y = 100, width = 800, height = 600 } = this.options;
    return { x, y, width, height, ...this.bounds };
  }
  isDestroyed() {
    return false;
  }
  static getAllWindows() {
    return state.windows;
  }
  static fromWebContents(contents) {
    return state.windows.find((w) => w.webContents === contents) ?? null;
  }
}

export const app = {
  whenReady: () =>
    Promise.resolve().then(() => {
      state.ready = true;
    }),
  isReady: () => state.ready,
  requestSingleInstanceLock: () => true,
  on: (event, listener) => {
    state.appEvents.on(event, listener);
    return app;
  },
  once: (event, listener) => {
    state.appEvents.once(event, listener);
    return app;
  },
  quit: () => {
    state.quit = true;
  },
  exit: () => {
    state.quit = true;
  },
  getPath: (name) => join(state.root, name),
  getVersion: () => '0.0.0-stub',
  getName: () => 'Modelwright',
  setAppUserModelId: () => {},
  isPackaged: Boolean(packagedResources),
};

export const ipcMain = {
  handle(channel, handler) {
    if (state.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    state.handlers.set(channel, handler);
  },
  removeHandler(channel) {
    state.handlers.delete(channel);
  },
  on() {},
  once() {},
  removeListener() {},
};

export const ipcRenderer = {
  /** Calls the ipcMain handler as the first window's page would (sender and frame URL included). */
  async invoke(channel, ...args) {
    const handler = state.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const win = state.windows[0];
    const event = { sender: win?.webContents, senderFrame: { url: state.senderUrl ?? win?.loadedUrl ?? '' } };
    // Structured clone, as real IPC does: no functions or class instances cross.
    return structuredClone(await handler(event, ...args.map((a) => structuredClone(a))));
  },
  on(channel, listener) {
    const list = state.rendererListeners.get(channel) ?? [];
    list.push(listener);
    state.rendererListeners.set(channel, list);
    return ipcRenderer;
  },
  removeListener(channel, listener) {
    const list = state.rendererListeners.get(channel) ?? [];
    state.rendererListeners.set(
      channel,
      list.filter((l) => l !== listener),
    );
    return ipcRenderer;
  },
};

export const contextBridge = {
  exposeInMainWorld(key, api) {
    state.exposed[key] = api;
  },
};

export const session = {
  defaultSession: {
    webRequest: {
      onHeadersReceived: (handler) => state.headerHooks.push(handler),
    },
    setPermissionRequestHandler: (handler) => state.permissionHandlers.push(handler),
    setPermissionCheckHandler: (handler) => state.permissionCheckHandlers.push(handler),
    setDevicePermissionHandler: (handler) => state.devicePermissionHandlers.push(handler),
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    // Electron only honours this before `ready`; record when it happened.
    state.privilegedSchemes.push({ schemes, beforeReady: !state.ready });
  },
  handle(scheme, handler) {
    if (!state.ready) throw new Error('protocol.handle called before the app is ready');
    state.protocolHandlers.set(scheme, handler);
  },
};

export const shell = {
  openExternal: async (url) => {
    state.openedExternally.push(url);
  },
  openPath: async (path) => {
    state.openedPaths.push(path);
    return '';
  },
};
export const dialog = {
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  async showMessageBox(windowOrOptions, maybeOptions) {
    const options = maybeOptions ?? windowOrOptions;
    state.messageBoxes.push({ options, modal: maybeOptions !== undefined });
    return { response: state.messageBoxResponse, checkboxChecked: false };
  },
};
export const nativeTheme = { shouldUseDarkColors: false, on() {} };

/**
 * Electron's safeStorage, modelled only as far as the app relies on it: encryptString gives bytes
 * that do not contain the text, decryptString gives it back, and both throw while encryption is
 * unavailable (a Linux session without a keyring: set `__electronStub.encryptionAvailable = false`).
 */
const STUB_KEY = 0x5a;
export const safeStorage = {
  isEncryptionAvailable: () => state.encryptionAvailable !== false,
  encryptString(plain) {
    if (state.encryptionAvailable === false) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    return Buffer.concat([Buffer.from('v10'), Buffer.from(plain, 'utf8').map((b) => b ^ STUB_KEY)]);
  },
  decryptString(sealed) {
    if (!Buffer.isBuffer(sealed) || sealed.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(sealed.subarray(3).map((b) => b ^ STUB_KEY)).toString('utf8');
  },
};
export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu(menu) {
    state.applicationMenu = menu;
  },
};

export class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }
  constructor(options) {
    super();
    this.options = options;
  }
  show() {
    state.notifications.push(this);
  }
}

export const screen = {
  getPrimaryDisplay: () => state.displays[0],
  getAllDisplays: () => state.displays,
};

export default { app, BrowserWindow, ipcMain, ipcRenderer, contextBridge, session, protocol, shell, dialog, nativeTheme, Menu, Notification, safeStorage, screen };
