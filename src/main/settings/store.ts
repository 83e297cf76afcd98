import { z } from 'zod';
import type { Settings } from '../../shared/contract';
import { DEFAULT_OLLAMA_TIMEOUT_SETTINGS, ollamaTimeoutsPatchSchema } from '../../shared/ollama-timeouts';
import type { SettingsBackend } from './backend';

/** What the settings file holds. A bad value falls back to its default on its own (logged). */
const storedSettingsSchema = z.object({
  ollamaHost: z.string().nullable().default(null),
  workspace: z.string().nullable().default(null),
  /** Only the limits the user changed; the others follow the defaults. */
  ollamaTimeouts: ollamaTimeoutsPatchSchema.default({}),
});
export type StoredSettings = z.infer<typeof storedSettingsSchema>;

export interface SettingsStoreOptions {
  /** The host actually used given the one set here: OLLAMA_HOST or the default when null. */
  resolveHost: (settingsHost: string | null) => string;
  /** The workspace used when none was opened yet. */
  defaultWorkspace: string;
  log?: (message: string) => void;
}

/** The app's own settings (not the user's registry): the Ollama host, its time limits and the last workspace. */
export class SettingsStore {
  private values: StoredSettings;
  private readonly log: (message: string) => void;

  constructor(
    private readonly backend: SettingsBackend,
    private readonly options: SettingsStoreOptions,
  ) {
    this.log = options.log ?? ((message) => console.warn(`[settings] ${message}`));
    this.values = this.read();
  }

  /** The values as stored (null: not set). */
  stored(): StoredSettings {
    return { ...this.values };
  }

  /** The contract's view: with the host actually used and the workspace in effect. */
  get(): Settings {
    return {
      ollamaHost: this.values.ollamaHost,
      effectiveHost: this.options.resolveHost(this.values.ollamaHost),
      workspace: this.values.workspace ?? this.options.defaultWorkspace,
      ollamaTimeouts: { ...DEFAULT_OLLAMA_TIMEOUT_SETTINGS, ...this.values.ollamaTimeouts },
    };
  }

  update(patch: Partial<StoredSettings>): Settings {
    const next: StoredSettings = {
      ollamaHost: patch.ollamaHost === undefined ? this.values.ollamaHost : normalize(patch.ollamaHost),
      workspace: patch.workspace === undefined ? this.values.workspace : patch.workspace || null,
      ollamaTimeouts: patch.ollamaTimeouts === undefined ? this.values.ollamaTimeouts : { ...this.values.ollamaTimeouts, ...patch.ollamaTimeouts },
    };
    // Keys written by other versions of the app stay; limits left at their defaults are not written.
    const { ollamaTimeouts, ...plain } = next;
    this.backend.store = { ...this.rawObject(), ...plain, ...(Object.keys(ollamaTimeouts).length > 0 ? { ollamaTimeouts } : {}) };
    this.values = next;
    return this.get();
  }

  /** A key another feature keeps in this file (the local API's), as stored; undefined when absent. */
  readKey(key: string): unknown {
    return this.rawObject()[key];
  }

  /** Writes one such key, keeping every other key as it is. */
  writeKey(key: string, value: unknown): void {
    if (key in this.values) throw new Error(`${key} is written through update()`);
    this.backend.store = { ...this.rawObject(), [key]: value };
  }

  private rawObject(): Record<string, unknown> {
    try {
      return { ...this.backend.store };
    } catch {
      // Became unreadable since start: it is rewritten whole below.
      return {};
    }
  }

  private read(): StoredSettings {
    const raw = this.rawObject();
    const result = storedSettingsSchema.safeParse(raw);
    if (result.success) return result.data;
    const values: StoredSettings = { ollamaHost: null, workspace: null, ollamaTimeouts: {} };
    for (const key of ['ollamaHost', 'workspace'] as const) {
      const field = storedSettingsSchema.shape[key].safeParse(raw[key]);
      if (field.success) values[key] = field.data;
      else this.log(`ignoring the stored ${key} (${JSON.stringify(raw[key])}): it must be a string or null.`);
    }
    const timeouts = storedSettingsSchema.shape.ollamaTimeouts.safeParse(raw.ollamaTimeouts);
    if (timeouts.success) values.ollamaTimeouts = timeouts.data;
    else this.log(`ignoring the stored ollamaTimeouts (${JSON.stringify(raw.ollamaTimeouts)}): ${timeouts.error.issues[0]?.message ?? 'not valid'}; using the defaults.`);
    return values;
  }
}

/** An empty or blank host means "not set". */
function normalize(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
