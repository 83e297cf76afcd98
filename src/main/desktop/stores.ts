import ElectronStore from 'electron-store';
import { engineFromConf, registryEngineOptions } from '../registry/engine';
import { openSettingsBackend, settingsBackendOptions } from '../settings/backend';
import type { StorageEngines } from '../services/engines';
import { join } from 'node:path';

/** Inside Electron the registry and settings are written by electron-store (a conf subclass). */
export function desktopEngines(dataDir: string): StorageEngines {
  return {
    registry: (workspaceDir) => engineFromConf(new ElectronStore(registryEngineOptions(workspaceDir))),
    settings: () =>
      openSettingsBackend(
        () => new ElectronStore<Record<string, unknown>>(settingsBackendOptions(dataDir)),
        join(dataDir, 'settings.json'),
      ),
  };
}
