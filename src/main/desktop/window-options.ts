import type { BrowserWindowConstructorOptions } from 'electron';

/** The main window's default and smallest size (also what a restored place is fitted to). */
export const MAIN_WINDOW_SIZES = { width: 1280, height: 820, minWidth: 880, minHeight: 560 } as const;

/**
 * The main window's options as plain data, so a unit test can assert the security settings
 * (Electron's security checklist) without starting Electron.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    ...MAIN_WINDOW_SIZES,
    show: false,
    title: 'Modelwright',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** The CSP sent with every response the window loads (the HTML carries the same as a meta tag). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
