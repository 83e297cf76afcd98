import type { ConnectionState, OllamaModel, SyncState } from '../shared/contract';
import { AppError, toAppError } from '../shared/errors';
import { versionAdvice } from '../shared/ollama-version';
import { modelKey } from '../shared/model-name';
import { ownValue, setOwn } from '../shared/own-key';
import { timestamp, type Registry } from '../shared/registry';
import { outdatedModels, reconcile } from '../shared/sync-rules';
import type { EventBus } from './events';
import { ModelfileHashCache } from './modelfiles/modelfile-hash-cache';
import type { OllamaGateway } from './ollama/types';
import type { RegistryStore } from './registry/store';
import { resolveModelfilePath } from './workspace/paths';

const VERSION_RECHECK_MS = 5 * 60_000;

export interface SyncServiceOptions {
  store: RegistryStore;
  /** A getter: the host can change in Settings between two syncs. */
  gateway: () => OllamaGateway;
  bus?: EventBus;
  clock?: () => Date;
  log?: (message: string) => void;
  /** sha256 (hex) of a registry `modelfile` path, null when unreadable; default: read it, cached by mtime. */
  modelfileSha256?: (modelfile: string) => string | null;
  /**
   * False: a sync only looks (connection, what Ollama has, what is out of date) and writes no
   * status. For a passive process such as the command line, whose calls (a create, an import)
   * would otherwise be followed by a sync that rewrites every entry it was not asked about.
   */
  writes?: boolean;
}

/**
 * Keeps the registry's statuses in line with what Ollama has (rules in shared/sync-rules.ts) and
 * tracks the connection. When Ollama cannot be reached or answers with an error, no status
 * changes: only a real list of models may mark something missing.
 */
export class SyncService {
  private readonly store: RegistryStore;
  private readonly gateway: () => OllamaGateway;
  private readonly bus: EventBus | undefined;
  private readonly clock: () => Date;
  private readonly log: (message: string) => void;
  private state: SyncState;
  private inFlight: Promise<SyncState> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Ollama's version changes only across a restart: ask again after a drop or every few minutes. */
  private knownVersion: { host: string; version: string; at: number } | null = null;
  /** Counts the connection losses seen by the monitor: a sync begun before one must not say online. */
  private losses = 0;
  private readonly modelfileSha256: (modelfile: string) => string | null;
  private readonly writes: boolean;

  constructor(options: SyncServiceOptions) {
    this.store = options.store;
    this.gateway = options.gateway;
    this.bus = options.bus;
    this.clock = options.clock ?? (() => new Date());
    this.log = options.log ?? ((message) => console.warn(`[sync] ${message}`));
    this.modelfileSha256 = options.modelfileSha256 ?? workspaceModelfileHasher(this.store.workspace.path);
    this.writes = options.writes ?? true;
    this.state = {
      connection: {
        status: 'unknown',
        host: this.gateway().host,
        version: null,
        canCreate: false,
        warnings: [],
        message: null,
        checkedAt: null,
      },
      discovered: [],
      ollamaModels: [],
      lastSyncAt: null,
      changed: [],
      outdated: [],
    };
  }

  get(): SyncState {
    return this.state;
  }

  /** Reconciles now; calls made while one runs share its result. */
  syncNow(): Promise<SyncState> {
    this.inFlight ??= this.run().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Syncs at once, then every `intervalMs` (the timer does not keep the process alive). */
  start(intervalMs = 60_000): void {
    this.stop();
    const tick = () => void this.syncNow().catch((error: unknown) => this.log(`sync failed: ${String(error)}`));
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * The connection monitor saw Ollama stop answering: offline is published now, not at the next
   * sync. Nothing in the registry changes.
   */
  connectionLost(error: AppError): SyncState {
    this.losses += 1;
    this.knownVersion = null;
    const host = this.gateway().host;
    const shown = this.state.connection;
    if (shown.status === 'offline' && shown.host === host && shown.message === error.message) return this.state;
    return this.publish(this.unreachable(host, timestamp(this.clock()), error));
  }

  /**
   * The connection monitor saw Ollama answer: sync, unless the sync already under way (which
   * began after the loss) has found it online.
   */
  async connectionRestored(): Promise<SyncState> {
    if (this.inFlight) await this.inFlight.catch(() => undefined);
    const shown = this.state.connection;
    if (shown.status === 'online' && shown.host === this.gateway().host) return this.state;
    return this.syncNow();
  }

  /**
   * Recomputes which models are out of date without asking Ollama (after a Modelfile was saved
   * or changed on disk, or a build was recorded); announces the state when the list changed.
   */
  refreshOutdated(): SyncState {
    const outdated = this.outdatedNow(this.state.ollamaModels);
    if (outdated.length === this.state.outdated.length && outdated.every((name, i) => name === this.state.outdated[i])) return this.state;
    return this.publish({ ...this.state, outdated });
  }

  /**
   * Writes what Ollama has now for the named entries only (models or base models), leaving every
   * other entry as it is: for a passive process that changed just these (the command line's
   * pull). Returns the names whose status changed; nothing is written when none did.
   */
  async recordOnly(names: readonly string[]): Promise<string[]> {
    const models = await this.gateway().list();
    const wanted = new Set(names.map(modelKey));
    const pick = (draft: Registry): Registry => {
      const result = reconcile(draft, models, this.clock());
      const next = { ...draft, models: { ...draft.models }, base_models: { ...draft.base_models } };
      for (const [name, entry] of Object.entries(result.registry.models)) if (wanted.has(modelKey(name))) setOwn(next.models, name, entry);
      for (const [name, entry] of Object.entries(result.registry.base_models)) if (wanted.has(modelKey(name))) setOwn(next.base_models, name, entry);
      return next;
    };
    const changedIn = (before: Registry, after: Registry): string[] =>
      [...Object.keys(after.models).filter((n) => ownValue(after.models, n) !== ownValue(before.models, n)), ...Object.keys(after.base_models).filter((n) => ownValue(after.base_models, n) !== ownValue(before.base_models, n))];
    const current = this.store.get();
    if (current.readOnly || changedIn(current.registry, pick(current.registry)).length === 0) return [];
    return this.store.update((draft) => {
      const next = pick(draft);
      const changed = changedIn(draft, next);
      draft.models = next.models;
      draft.base_models = next.base_models;
      return changed;
    });
  }

  private outdatedNow(models: readonly OllamaModel[]): string[] {
    try {
      return outdatedModels(this.store.get().registry, models, this.modelfileSha256);
    } catch (error) {
      this.log(`could not tell which models are out of date: ${String(error)}`);
      return [];
    }
  }

  private async run(): Promise<SyncState> {
    const gateway = this.gateway();
    const losses = this.losses;
    const checkedAt = timestamp(this.clock());
    let version: string;
    let models: OllamaModel[];
    try {
      [version, models] = await Promise.all([this.version(gateway), gateway.list()]);
    } catch (error) {
      this.knownVersion = null;
      return this.publish(this.unreachable(gateway.host, checkedAt, toAppError(error)));
    }

    const now = this.clock();
    const planned = reconcile(this.store.get().registry, models, now);
    let changed: string[] = [];
    if (planned.modified && !this.store.get().readOnly && this.writes) {
      changed = await this.apply(models, now);
    }

    // Ollama stopped while this sync ran: its answers are from before; offline is what is true now.
    if (this.losses !== losses) return this.state;
    const advice = versionAdvice(version);
    return this.publish({
      connection: {
        status: 'online',
        host: gateway.host,
        version,
        canCreate: advice.canCreate,
        warnings: advice.warnings,
        message: null,
        checkedAt,
      },
      discovered: planned.discovered,
      ollamaModels: models,
      lastSyncAt: timestamp(now),
      changed,
      outdated: this.outdatedNow(models),
    });
  }

  /** Writes the statuses, recomputed on the file's current content (the store re-reads it). */
  private async apply(models: OllamaModel[], now: Date): Promise<string[]> {
    try {
      return await this.store.update((draft) => {
        const result = reconcile(draft, models, now);
        draft.models = result.registry.models;
        draft.base_models = result.registry.base_models;
        return result.changed;
      });
    } catch (error) {
      // Read-only (the file turned invalid meanwhile) is already reported by the store itself.
      if (!(error instanceof AppError && error.kind === 'read_only')) {
        this.log(`could not write the statuses: ${String(error)}`);
      }
      return [];
    }
  }

  /** Offline or an error from Ollama: statuses stay as they were; what Ollama has is unknown. */
  private unreachable(host: string, checkedAt: string, error: AppError): SyncState {
    const connection: ConnectionState = {
      status: error.kind === 'offline' ? 'offline' : 'error',
      host,
      version: null,
      canCreate: false,
      warnings: [],
      message: error.message,
      checkedAt,
    };
    // Without Ollama only Modelfile changes can be seen; base model digests are unknown.
    return { connection, discovered: [], ollamaModels: [], lastSyncAt: this.state.lastSyncAt, changed: [], outdated: this.outdatedNow([]) };
  }

  private async version(gateway: OllamaGateway): Promise<string> {
    const now = this.clock().getTime();
    const known = this.knownVersion;
    if (known && known.host === gateway.host && now - known.at < VERSION_RECHECK_MS) return known.version;
    const version = await gateway.version();
    this.knownVersion = { host: gateway.host, version, at: now };
    return version;
  }

  private publish(state: SyncState): SyncState {
    this.state = state;
    this.bus?.emit('sync.changed', state);
    return state;
  }
}

/** Hashes registry `modelfile` paths of a workspace; paths that leave it count as unreadable. */
function workspaceModelfileHasher(workspaceDir: string): (modelfile: string) => string | null {
  const cache = new ModelfileHashCache();
  return (modelfile) => {
    let file: string;
    try {
      file = resolveModelfilePath(workspaceDir, modelfile);
    } catch {
      return null;
    }
    return cache.hashOf(file);
  };
}
