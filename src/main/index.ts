import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, protocol, safeStorage, screen, session, shell, type WebContents } from 'electron';
import { appMenuTemplate, DOCUMENTATION_URL } from './desktop/app-menu';
import { openAppLog } from './desktop/app-log';
import { APP_PAGE_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler } from './desktop/app-protocol';
import { cliArgvOf } from './desktop/cli-switch';
import { installCrashReports } from './desktop/crash-reports';
import { firstPageWriter, type FirstPageWriter } from './http/first-page';
import { externalLinkOpener } from './desktop/external-links';
import { forwardEvents, registerIpcHandlers, sendEvent } from './desktop/ipc';
import { jobNotifier } from './desktop/job-notifications';
import { restoreWindow } from './desktop/window-bounds';
import { trackWindowState } from './desktop/window-state';
import { guardNavigation } from './desktop/navigation-guards';
import { isTrustedRendererUrl } from './desktop/trusted-sender';
import { safeStorageBox } from './desktop/secret-box';
import { desktopEngines, windowStateStore } from './desktop/stores';
import { CONTENT_SECURITY_POLICY, MAIN_WINDOW_SIZES, mainWindowOptions } from './desktop/window-options';
import { createAppServices } from './services/app-services';
import type { EventPayload } from '../shared/contract';

/**
 * The Electron entry: one window, locked down per Electron's security checklist, talking to the
 * services only through the contract's IPC handlers. Everything else lives in the services.
 */

const PRELOAD = join(import.meta.dirname, '../preload/index.cjs');
const RENDERER_DIR = join(import.meta.dirname, '../renderer');
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const pageUrl = devServerUrl ?? APP_PAGE_URL;

// `Modelwright --cli <command> …`: the command line, before anything else (no log capture, no
// crash dialog, no window, no single-instance lock: a CLI run beside the open app is fine), its
// output on the terminal, its exit status.
const cliArgv = cliArgvOf(process.argv);
if (cliArgv !== null) {
  if (process.platform === 'darwin') app.dock?.hide();
  const { runCliProcess } = await import('./cli/cli-process');
  process.exit(await runCliProcess(cliArgv, import.meta.dirname, app.isPackaged ? process.resourcesPath : null));
}

// First, so that whatever goes wrong after is in the log (rotated, in the app's log folder).
const appLog = openAppLog(app.getPath('logs'));
appLog.captureConsole();
const openLogFolder = (): void => {
  void shell.openPath(appLog.folder).then((problem) => {
    if (problem) console.error(`[log] could not open the log folder ${appLog.folder}: ${problem}`);
  });
};
const reportCrash = installCrashReports({
  log: (entry) => appLog.error(entry),
  logFile: appLog.file,
  showDialog: async (options) => {
    await app.whenReady();
    return dialog.showMessageBox(options);
  },
  openLogFolder,
});

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
  // The page comes with its first screen rendered once the services can answer for it.
  let firstPage: FirstPageWriter | null = null;
  protocol.handle(APP_SCHEME, appProtocolHandler(RENDERER_DIR, CONTENT_SECURITY_POLICY, () => firstPage));

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
    errorLog: { write: (entry) => appLog.error(entry), folder: appLog.folder },
    // Loaded only when a check is due (packaged, updates on): its feed is the app-update.yml that
    // electron-builder writes from electron-builder.ts `publish`; it downloads in the background.
    updater: async () => (await import('electron-updater')).default.autoUpdater,
  });

  const { renderFirstPage } = await import('../renderer/src/server/render-first-page');
  firstPage = firstPageWriter(services.handlers, renderFirstPage, (line) => console.error(line));

  registerIpcHandlers(ipcMain, services.handlers, (event) =>
    isTrustedRendererUrl(event.senderFrame?.url ?? '', pageUrl),
  );

  const placeStore = windowStateStore(app.getPath('userData'));
  const primary = screen.getPrimaryDisplay();
  const workAreas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const place = restoreWindow(placeStore.read(), workAreas, MAIN_WINDOW_SIZES);
  const win = new BrowserWindow({ ...mainWindowOptions(PRELOAD), ...place.bounds });
  if (place.maximized) win.maximize();
  trackWindowState(win, placeStore);
  forwardEvents(services.bus, win.webContents);
  win.once('ready-to-show', () => win.show());
  win.webContents.on('render-process-gone', (_event, { reason }) => {
    if (reason !== 'clean-exit') reportCrash("the window's page stopped", new Error(`render process gone: ${reason}`));
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({
        platform: process.platform,
        isPackaged: app.isPackaged,
        appName: app.getName(),
        command: (command) => sendEvent(win.webContents, 'menu.command', { command }),
        openDocumentation: () => linkOpenerFor(win.webContents)(DOCUMENTATION_URL),
        openLogFolder,
      }),
    ),
  );

  const notifyJob = jobNotifier({
    windowFocused: () => !win.isDestroyed() && win.isFocused(),
    show: ({ title, body, opens }) => {
      if (!Notification.isSupported()) return;
      const note = new Notification({ title, body });
      note.on('click', () => {
        if (win.isDestroyed()) return;
        if (win.isMinimized()) win.restore();
        win.focus();
        sendEvent(win.webContents, 'notification.clicked', opens);
      });
      note.show();
    },
  });
  services.bus.subscribe((event, payload) => {
    if (event === 'job.updated') notifyJob(payload as EventPayload<'job.updated'>);
  });
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
