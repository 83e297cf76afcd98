import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell, type WebContents } from 'electron';
import { APP_PAGE_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler } from './desktop/app-protocol';
import { externalLinkOpener } from './desktop/external-links';
import { forwardEvents, registerIpcHandlers } from './desktop/ipc';
import { guardNavigation } from './desktop/navigation-guards';
import { isTrustedRendererUrl } from './desktop/trusted-sender';
import { safeStorageBox } from './desktop/secret-box';
import { desktopEngines } from './desktop/stores';
import { CONTENT_SECURITY_POLICY, mainWindowOptions } from './desktop/window-options';
import { createAppServices } from './services/app-services';

/**
 * The Electron entry: one window, locked down per Electron's security checklist, talking to the
 * services only through the contract's IPC handlers. Everything else lives in the services.
 */

const PRELOAD = join(import.meta.dirname, '../preload/index.cjs');
const RENDERER_DIR = join(import.meta.dirname, '../renderer');
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const pageUrl = devServerUrl ?? APP_PAGE_URL;

// Must happen before `ready`: the scheme gets real origins and a secure context.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

/** Links from the page go to the user's browser only through an allowlist and a question. */
function linkOpenerFor(contents: WebContents): (url: string) => void {
  const open = externalLinkOpener({
    showMessageBox: (options) => {
      const owner = BrowserWindow.fromWebContents(contents);
      return owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options);
    },
    openExternal: (url) => shell.openExternal(url),
  });
  return (url) => {
    void open(url).catch((error: unknown) => console.error(`[links] could not open ${url}: ${String(error)}`));
  };
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, linkOpenerFor(contents)));
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const ses = session.defaultSession;
  // The app needs no camera, microphone, notifications, USB, HID or serial: refuse them all, both
  // when a page asks and when it only checks.
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  protocol.handle(APP_SCHEME, appProtocolHandler(RENDERER_DIR, CONTENT_SECURITY_POLICY));

  const services = await createAppServices({
    mode: 'desktop',
    dataDir: app.getPath('userData'),
    defaultWorkspace: join(app.getPath('documents'), 'Modelwright'),
    env: process.env,
    appVersion: app.getVersion(),
    engines: desktopEngines(app.getPath('userData')),
    packagedResources: app.isPackaged ? process.resourcesPath : null,
    // Host tokens are sealed by the OS keychain, never kept in clear in the settings file.
    secrets: safeStorageBox(safeStorage),
  });

  registerIpcHandlers(ipcMain, services.handlers, (event) =>
    isTrustedRendererUrl(event.senderFrame?.url ?? '', pageUrl),
  );

  const win = new BrowserWindow(mainWindowOptions(PRELOAD));
  forwardEvents(services.bus, win.webContents);
  win.once('ready-to-show', () => win.show());
  // Returning to the window is a good moment to check Ollama again.
  win.on('focus', () => void services.syncSoon());

  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => {
    void services.stop().finally(() => app.quit());
  });

  await win.loadURL(pageUrl);
}
