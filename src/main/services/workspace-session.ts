import type { EventBus } from '../events';
import type { OllamaGateway } from '../ollama/types';
import { RegistryStore } from '../registry/store';
import type { RegistryEngineFactory } from '../registry/engine';
import { SyncService } from '../sync';
import { ensureWorkspace } from '../workspace/first-run';

/** One open workspace: its registry store and the sync that keeps it true to Ollama. */
export interface WorkspaceSession {
  readonly dir: string;
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
  syncIntervalMs: number;
}): WorkspaceSession {
  ensureWorkspace(options.dir, options.templateDir);
  const store = new RegistryStore({ workspace: options.dir, engine: options.engine, bus: options.bus });
  const sync = new SyncService({ store, gateway: options.gateway, bus: options.bus });
  sync.start(options.syncIntervalMs);
  return {
    dir: options.dir,
    store,
    sync,
    close() {
      sync.stop();
      store.close();
    },
  };
}
