import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';

/**
 * Where app settings live: conf (headless, tests) or electron-store (the Electron entry). Both
 * expose the file's path and a `store` property that reads and writes the whole object.
 */
export interface SettingsBackend {
  readonly path: string;
  store: Record<string, unknown>;
}

export const SETTINGS_NAME = 'settings';

/**
 * Opens a backend; when the file is not valid JSON (conf throws SyntaxError), the file is moved
 * aside as `<file>.corrupt-<time>`, the reason logged, and a fresh one opened. Settings are not
 * the user's data: defaults are fine, but the old file is kept for a look.
 */
export function openSettingsBackend(
  open: () => SettingsBackend,
  filePath: string,
  log: (message: string) => void = (message) => console.warn(`[settings] ${message}`),
  now: () => Date = () => new Date(),
): SettingsBackend {
  try {
    return open();
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const aside = `${filePath}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(filePath, aside);
    log(`${filePath} is not valid JSON (${error.message}); moved it to ${aside} and using default settings.`);
    return open();
  }
}

/** Options for conf or electron-store (which takes the file name as `name`). */
export function settingsBackendOptions(dataDir: string) {
  return {
    cwd: dataDir,
    configName: SETTINGS_NAME,
    name: SETTINGS_NAME,
    fileExtension: 'json',
    serialize: (value: unknown) => `${JSON.stringify(value, null, 2)}\n`,
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    watch: false,
  };
}

/** Settings in `<dataDir>/settings.json` through conf, for the headless entry and tests. */
export function openConfSettingsBackend(dataDir: string, log?: (message: string) => void): SettingsBackend {
  return openSettingsBackend(
    () => new Conf<Record<string, unknown>>(settingsBackendOptions(dataDir)),
    path.join(dataDir, `${SETTINGS_NAME}.json`),
    log,
  );
}
