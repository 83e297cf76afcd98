import ElectronStore from 'electron-store';
import { defaultEngineFactory } from '../registry/engine';
import { openSettingsBackend, settingsBackendOptions } from '../settings/backend';
import type { StorageEngines } from '../services/engines';
import { join } from 'node:path';
import type { WindowStateStore } from './window-state';

/**
 * Inside Electron the settings are written by electron-store (a conf subclass). The registry has
 * its own atomic writer everywhere: it must check for an editor's save right before replacing.
 */
export function desktopEngines(dataDir: string): StorageEngines {
  return {
    registry: defaultEngineFactory,
    settings: () =>
      openSettingsBackend(
        () => new ElectronStore<Record<string, unknown>>(settingsBackendOptions(dataDir)),
        join(dataDir, 'settings.json'),
      ),
  };
}

/** The main window's place, in `<dataDir>/window-state.json`; a broken file only means the default place. */
export function windowStateStore(dataDir: string): WindowStateStore {
  let store: ElectronStore<Record<string, unknown>> | null = null;
  const open = () =>
    (store ??= new ElectronStore<Record<string, unknown>>({ cwd: dataDir, name: 'window-state', clearInvalidConfig: true, watch: false }));
  return {
    read: () => {
      try {
        return open().get('window');
      } catch {
        return undefined;
      }
    },
    write: (state) => open().set('window', state),
  };
}
