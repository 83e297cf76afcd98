import { defaultEngineFactory, type RegistryEngineFactory } from '../registry/engine';
import { openConfSettingsBackend, type SettingsBackend } from '../settings/backend';

/** What persists the registry and the settings: conf for settings here, electron-store in the Electron entry. */
export interface StorageEngines {
  registry: RegistryEngineFactory;
  settings: (dataDir: string) => SettingsBackend;
}

export const confEngines: StorageEngines = {
  registry: defaultEngineFactory,
  settings: (dataDir) => openConfSettingsBackend(dataDir),
};
