import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/app-commands';

/**
 * The application menu as plain data (Electron's template), built by a pure function so each
 * platform's menu is unit-tested without Electron. Editing and window items are Electron roles
 * (the OS does the work, in the OS's words); the app's own items only ask: a command goes to the
 * page, which owns the action, and Help's items go through the same doors as the rest of the app
 * (the external-link question, the log folder).
 */

/** Where Help → Documentation leads (asked about first, like every link). */
export { DOCUMENTATION_URL } from '../../shared/project-repository';

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  /** Reload and the developer tools are for development builds only. */
  isPackaged: boolean;
  appName: string;
  command(command: AppCommand): void;
  openDocumentation(): void;
  openLogFolder(): void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  // `&` marks the Alt-key letter on Windows and Linux; macOS menus have none.
  const title = (label: string): string => (mac ? label.replace('&', '') : label);
  const command = (label: string, accelerator: string, name: AppCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => options.command(name),
  });

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: options.appName,
          submenu: [
            { role: 'about' },
            separator,
            { role: 'services' },
            separator,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            separator,
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: title('&File'),
    submenu: [
      command('New Model…', 'CmdOrCtrl+N', 'model.new'),
      command('Save Modelfile', 'CmdOrCtrl+S', 'editor.save'),
      command('Create Model', 'CmdOrCtrl+Enter', 'model.create'),
      separator,
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: title('&Edit'),
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };

  const development: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator];
  const view: MenuItemConstructorOptions = {
    label: title('&View'),
    submenu: [...development, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: title('&Window'),
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }, separator, { role: 'window' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };

  const help: MenuItemConstructorOptions = {
    label: title('&Help'),
    role: 'help',
    submenu: [
      { label: 'Documentation', click: () => options.openDocumentation() },
      { label: 'Open Log Folder', click: () => options.openLogFolder() },
    ],
  };

  return [...appMenu, file, edit, view, windowMenu, help];
}
