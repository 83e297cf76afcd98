import { z } from 'zod';
import type { Settings } from '../../shared/contract';
import { DEFAULT_OLLAMA_TIMEOUT_SETTINGS, ollamaTimeoutsPatchSchema } from '../../shared/ollama-timeouts';
import { DEFAULT_PRIMARY_HOST_NAME, hostNameSchema } from '../../shared/hosts/host-config';
import type { HostsConfig } from '../../shared/hosts/host-list';
import type { SettingsBackend } from './backend';

/** What the settings file holds. A bad value falls back to its default on its own (logged). */
const storedSettingsSchema = z.object({
  ollamaHost: z.string().nullable().default(null),
  workspace: z.string().nullable().default(null),
  /** Only the limits the user changed; the others follow the defaults. */
  ollamaTimeouts: ollamaTimeoutsPatchSchema.default({}),
  /** The primary host's name; null: the default ('local'). Its URL is `ollamaHost`. */
  primaryHostName: hostNameSchema.nullable().default(null),
  /** The other Ollama hosts (tokens are never here in clear: see hosts/host-tokens). */
  hosts: z.array(z.object({ name: hostNameSchema, url: z.string().min(1) })).default([]),
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
      primaryHostName: patch.primaryHostName === undefined ? this.values.primaryHostName : patch.primaryHostName,
      hosts: patch.hosts === undefined ? this.values.hosts : patch.hosts,
    };
    // Keys written by other versions of the app stay; limits left at their defaults, the default
    // primary name and an empty host list are not written (an old file stays as it was).
    const { ollamaTimeouts, primaryHostName, hosts, ...plain } = next;
    const raw = this.rawObject();
    delete raw.primaryHostName;
    delete raw.hosts;
    this.backend.store = {
      ...raw,
      ...plain,
      ...(Object.keys(ollamaTimeouts).length > 0 ? { ollamaTimeouts } : {}),
      ...(primaryHostName !== null ? { primaryHostName } : {}),
      ...(hosts.length > 0 ? { hosts } : {}),
    };
    this.values = next;
    return this.get();
  }

  /** The hosts: the primary (its URL is `ollamaHost`) and the others. */
  hostsConfig(): HostsConfig {
    return {
      primary: { name: this.values.primaryHostName ?? DEFAULT_PRIMARY_HOST_NAME, url: this.values.ollamaHost },
      others: this.values.hosts.map((h) => ({ ...h })),
    };
  }

  /** Stores the hosts (already checked by the rules in shared/hosts/host-list). */
  updateHosts(config: HostsConfig): Settings {
    return this.update({
      ollamaHost: config.primary.url,
      primaryHostName: config.primary.name === DEFAULT_PRIMARY_HOST_NAME ? null : config.primary.name,
      hosts: config.others.map((h) => ({ ...h })),
    });
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
    if (result.success) return { ...result.data, hosts: this.readHosts(raw.hosts, result.data.primaryHostName ?? DEFAULT_PRIMARY_HOST_NAME) };
    const values: StoredSettings = { ollamaHost: null, workspace: null, ollamaTimeouts: {}, primaryHostName: null, hosts: [] };
    for (const key of ['ollamaHost', 'workspace'] as const) {
      const field = storedSettingsSchema.shape[key].safeParse(raw[key]);
      if (field.success) values[key] = field.data;
      else this.log(`ignoring the stored ${key} (${JSON.stringify(raw[key])}): it must be a string or null.`);
    }
    const timeouts = storedSettingsSchema.shape.ollamaTimeouts.safeParse(raw.ollamaTimeouts);
    if (timeouts.success) values.ollamaTimeouts = timeouts.data;
    else this.log(`ignoring the stored ollamaTimeouts (${JSON.stringify(raw.ollamaTimeouts)}): ${timeouts.error.issues[0]?.message ?? 'not valid'}; using the defaults.`);
    const primaryName = storedSettingsSchema.shape.primaryHostName.safeParse(raw.primaryHostName);
    if (primaryName.success) values.primaryHostName = primaryName.data;
    else this.log(`ignoring the stored primaryHostName (${JSON.stringify(raw.primaryHostName)}): not a valid host name; using "${DEFAULT_PRIMARY_HOST_NAME}".`);
    values.hosts = this.readHosts(raw.hosts, values.primaryHostName ?? DEFAULT_PRIMARY_HOST_NAME);
    return values;
  }

  /** Each valid host kept on its own; a bad or repeated one is dropped with a line in the log. */
  private readHosts(raw: unknown, primaryName: string): StoredSettings['hosts'] {
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) {
      this.log(`ignoring the stored hosts (${JSON.stringify(raw)}): it must be a list.`);
      return [];
    }
    const seen = new Set([primaryName.toLowerCase()]);
    const hosts: StoredSettings['hosts'] = [];
    for (const item of raw) {
      const host = storedSettingsSchema.shape.hosts.unwrap().element.safeParse(item);
      if (!host.success || seen.has(host.data.name.toLowerCase())) {
        this.log(`ignoring a stored host (${JSON.stringify(item)}): it needs a unique name and a url.`);
        continue;
      }
      seen.add(host.data.name.toLowerCase());
      hosts.push(host.data);
    }
    return hosts;
  }
}

/** An empty or blank host means "not set". */
function normalize(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
