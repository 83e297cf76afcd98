import ElectronStore from 'electron-store';
import { defaultEngineFactory } from '../registry/engine';
import { openSettingsBackend, settingsBackendOptions } from '../settings/backend';
import type { StorageEngines } from '../services/engines';
import { join } from 'node:path';

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
