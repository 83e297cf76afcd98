import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate, type AppMenuOptions } from '../../src/main/desktop/app-menu';

function menu(overrides: Partial<AppMenuOptions> = {}) {
  const options: AppMenuOptions = {
    platform: 'linux',
    isPackaged: true,
    appName: 'Modelwright',
    command: vi.fn(),
    openDocumentation: vi.fn(),
    openLogFolder: vi.fn(),
    ...overrides,
  };
  return { options, template: appMenuTemplate(options) };
}

const labels = (template: MenuItemConstructorOptions[]) => template.map((item) => item.label ?? item.role);
function submenuOf(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const top = template.find((item) => (item.label ?? '').replace('&', '') === label || item.role === label);
  if (!top || !Array.isArray(top.submenu)) throw new Error(`no menu ${label}`);
  return top.submenu;
}
const roles = (items: MenuItemConstructorOptions[]) => items.filter((i) => i.type !== 'separator').map((i) => i.role ?? i.label);
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('application menu', () => {
  it('on macOS starts with the app menu (about, services, hide, quit), then File, Edit, View, Window, Help, without Alt-key marks', () => {
    const { template } = menu({ platform: 'darwin' });
    expect(labels(template)).toEqual(['Modelwright', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(submenuOf(template, 'Modelwright'))).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(roles(submenuOf(template, 'File')).at(-1)).toBe('close');
    expect(roles(submenuOf(template, 'Window'))).toEqual(['minimize', 'zoom', 'front', 'window']);
    expect(roles(submenuOf(template, 'Edit'))).toContain('pasteAndMatchStyle');
  });

  it.each(['win32', 'linux'] as const)('on %s has no app menu, marks Alt-key letters, and quits from File', (platform) => {
    const { template } = menu({ platform });
    expect(labels(template)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    expect(roles(submenuOf(template, 'File')).at(-1)).toBe('quit');
    expect(roles(submenuOf(template, 'Window'))).toEqual(['minimize', 'close']);
    expect(template.flatMap((i) => (Array.isArray(i.submenu) ? i.submenu : [])).some((i) => i.role === 'about' || i.role === 'services')).toBe(false);
  });

  it('Edit has undo, redo, cut, copy, paste and select all as roles', () => {
    const edit = roles(submenuOf(menu().template, 'Edit'));
    expect(edit).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
  });

  it('View zooms everywhere; reload and the developer tools appear only in a development build', () => {
    const packaged = roles(submenuOf(menu({ isPackaged: true }).template, 'View'));
    expect(packaged).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const dev = roles(submenuOf(menu({ isPackaged: false }).template, 'View'));
    expect(dev).toEqual(['reload', 'forceReload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it.each(['darwin', 'win32', 'linux'] as const)('on %s, File shows Ctrl/Cmd+N, S and Enter and each sends its command to the page', (platform) => {
    const { template, options } = menu({ platform });
    const file = submenuOf(template, 'File').filter((i) => i.accelerator);
    expect(file.map((i) => [i.label, i.accelerator])).toEqual([
      ['New Model…', 'CmdOrCtrl+N'],
      ['Save Modelfile', 'CmdOrCtrl+S'],
      ['Create Model', 'CmdOrCtrl+Enter'],
    ]);
    for (const item of file) click(item);
    expect(vi.mocked(options.command).mock.calls).toEqual([['model.new'], ['editor.save'], ['model.create']]);
  });

  it('Help offers the documentation and the log folder', () => {
    const { template, options } = menu();
    const help = submenuOf(template, 'Help');
    expect(help.map((i) => i.label)).toEqual(['Documentation', 'Open Log Folder']);
    click(help[0]);
    expect(options.openDocumentation).toHaveBeenCalledTimes(1);
    expect(options.openLogFolder).not.toHaveBeenCalled();
    click(help[1]);
    expect(options.openLogFolder).toHaveBeenCalledTimes(1);
  });
});
