import type { EventBus } from '../events';
import type { OllamaGateway } from '../ollama/types';
import { RegistryStore } from '../registry/store';
import type { RegistryEngineFactory } from '../registry/engine';
import { SyncService } from '../sync';
import { ensureWorkspace } from '../workspace/first-run';

/** One open workspace: its registry store and the sync that keeps it true to Ollama. */
export interface WorkspaceSession {
  readonly dir: string;
  /** The app's own data folder (conversations, settings): never a Modelfile, even inside the workspace. */
  readonly appDataDir?: string | null;
  readonly store: RegistryStore;
  readonly sync: SyncService;
  close(): void;
}

export function openWorkspaceSession(options: {
  dir: string;
  templateDir: string;
  engine: RegistryEngineFactory;
  bus: EventBus;
  gateway: () => OllamaGateway;
  /** null: never sync on its own (a passive process such as the command line). */
  syncIntervalMs: number | null;
  /** False: syncs only look and never write a status (a passive process). */
  syncWrites?: boolean;
  appDataDir?: string | null;
}): WorkspaceSession {
  ensureWorkspace(options.dir, options.templateDir);
  const store = new RegistryStore({ workspace: options.dir, engine: options.engine, bus: options.bus });
  const sync = new SyncService({ store, gateway: options.gateway, bus: options.bus, writes: options.syncWrites ?? true });
  if (options.syncIntervalMs !== null) sync.start(options.syncIntervalMs);
  return {
    dir: options.dir,
    appDataDir: options.appDataDir ?? null,
    store,
    sync,
    close() {
      sync.stop();
      store.close();
    },
  };
}
