import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { CONTENT_SECURITY_POLICY, mainWindowOptions } from './desktop/window-options';
import { forwardEvents, registerIpcHandlers } from './desktop/ipc';
import { isTrustedRendererUrl } from './desktop/trusted-sender';
import { desktopEngines } from './desktop/stores';
import { createAppServices } from './services/app-services';

/**
 * The Electron entry: one window, locked down per Electron's security checklist, talking to the
 * services only through the contract's IPC handlers. Everything else lives in the services.
 */

const PRELOAD = join(import.meta.dirname, '../preload/index.cjs');
const RENDERER_FILE = join(import.meta.dirname, '../renderer/index.html');
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const pageUrl = devServerUrl ?? new URL(`file://${RENDERER_FILE}`).href;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => {
    // No navigation away from our page, no new windows, no webviews.
    contents.on('will-navigate', (event, url) => {
      if (url !== contents.getURL()) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  const services = await createAppServices({
    mode: 'desktop',
    dataDir: app.getPath('userData'),
    defaultWorkspace: join(app.getPath('documents'), 'Modelwright'),
    env: process.env,
    appVersion: app.getVersion(),
    engines: desktopEngines(app.getPath('userData')),
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

  if (devServerUrl) await win.loadURL(devServerUrl);
  else await win.loadFile(RENDERER_FILE);
}
