import type { Handlers } from '../../shared/contract';
import { baseModelHandlers } from '../base-models/handlers';
import type { EventBus } from '../events';
import type { JobManager } from '../jobs/job-manager';
import type { OllamaGateway } from '../ollama/types';
import { Preloader } from '../running/preload';
import { runningModels } from '../running/running-models';
import type { WorkspaceSession } from '../services/workspace-session';
import { exportRegistryJson, exportRegistryZip } from '../transfer/export-registry';
import { applyImportFile, previewImport } from '../transfer/import-registry';

/**
 * Base models, running models, import and export, and clearing the job history: the handlers for
 * the contract's lifecycle section, plus the preloader that runs on its own from the bus.
 */

export type LifecycleHandlers = Pick<
  Handlers,
  | 'baseModels.add'
  | 'baseModels.remove'
  | 'baseModels.delete'
  | 'ollama.load'
  | 'ollama.unload'
  | 'preload.list'
  | 'registry.export'
  | 'registry.importPreview'
  | 'registry.importApply'
  | 'jobs.clearFinished'
>;

export interface LifecycleFeature {
  handlers: LifecycleHandlers;
  preloader: Preloader;
  stop(): void;
}

export interface LifecycleDeps {
  bus: EventBus;
  jobs: JobManager;
  session: () => WorkspaceSession;
  gateway: () => OllamaGateway;
  now?: () => Date;
}

export function createLifecycleFeature(deps: LifecycleDeps): LifecycleFeature {
  const now = deps.now ?? (() => new Date());
  const running = runningModels(deps);
  const preloader = new Preloader({ ...deps, running });
  const store = () => deps.session().store;

  const handlers: LifecycleHandlers = {
    ...baseModelHandlers(deps),
    'ollama.load': async ({ model, keepAlive }) => ({ running: await running.load(model, keepAlive) }),
    'ollama.unload': async ({ model }) => ({ running: await running.unload(model) }),
    'preload.list': async () => preloader.list(),
    'registry.export': async ({ format }) => (format === 'zip' ? exportRegistryZip(store(), now()) : exportRegistryJson(store(), now())),
    'registry.importPreview': async ({ content, fileName }) => previewImport(store(), content, fileName),
    'registry.importApply': async ({ content, fileName, selection }) => {
      const outcome = await applyImportFile(store(), content, fileName, selection, now);
      // New entries start as declared: a sync says which of them Ollama already has.
      void deps.session().sync.syncNow().catch(() => undefined);
      return { ...outcome, snapshot: store().get() };
    },
    'jobs.clearFinished': async () => ({ removed: deps.jobs.clearFinished() }),
  };

  return { handlers, preloader, stop: () => preloader.stop() };
}
