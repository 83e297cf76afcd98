import type { Handlers } from '../../shared/contract';
import { modelsBuiltOn } from '../../shared/base-models';
import { AppError } from '../../shared/errors';
import { findEntryKey } from '../../shared/import-plan';
import { modelKey } from '../../shared/model-name';
import { pullJobKey } from '../jobs/job-handlers';
import type { JobManager } from '../jobs/job-manager';
import type { OllamaGateway } from '../ollama/types';
import type { WorkspaceSession } from '../services/workspace-session';
import { addBaseModel, checkBaseModelName, removeBaseModel, type Presence } from './base-model-ops';
import { deleteJobKey, deleteJobRunner } from './delete-job';

/**
 * Base models: add one to the list (its status from what Ollama has now), remove one from the
 * list, and delete one from Ollama as a job. A delete that would pull the ground from under
 * registry models is refused until the user has seen which ones and confirmed.
 */

export interface BaseModelHandlerDeps {
  jobs: JobManager;
  session: () => WorkspaceSession;
  gateway: () => OllamaGateway;
}

export type BaseModelHandlers = Pick<Handlers, 'baseModels.add' | 'baseModels.remove' | 'baseModels.delete'>;

export function baseModelHandlers(deps: BaseModelHandlerDeps): BaseModelHandlers {
  const resync = () => void deps.session().sync.syncNow().catch(() => undefined);

  async function presenceOf(name: string): Promise<Presence> {
    try {
      const models = await deps.gateway().list();
      const found = models.find((m) => modelKey(m.name) === modelKey(name));
      return { inOllama: found !== undefined, size: found?.size ?? null };
    } catch {
      // Offline: the entry is declared (pending); the next sync says whether Ollama has it.
      return { inOllama: null, size: null };
    }
  }

  return {
    'baseModels.add': async ({ entry }) => {
      checkBaseModelName(entry.name);
      const presence = await presenceOf(entry.name);
      const added = await deps.session().store.update((draft) => addBaseModel(draft, entry, presence));
      return added.entry;
    },
    'baseModels.remove': async ({ name }) => {
      const store = deps.session().store;
      await store.update((draft) => removeBaseModel(draft, name));
      return store.get();
    },
    'baseModels.delete': async ({ name, confirmDependents }) => {
      checkBaseModelName(name);
      const { jobs } = deps;
      const running = jobs.active(deleteJobKey(name));
      if (running) return running;
      const registry = deps.session().store.get().registry;
      const registered = findEntryKey(registry.models, name);
      if (registered !== undefined) {
        throw new AppError('conflict', `${registered} is a registry model, not a base model: delete it from its own page, which also updates the registry.`);
      }
      if (jobs.active(pullJobKey(name))) {
        throw new AppError('conflict', `${name} is being pulled. Cancel the pull first, then delete it.`);
      }
      const dependents = modelsBuiltOn(registry, name);
      if (dependents.length > 0 && !confirmDependents) {
        const count = dependents.length === 1 ? 'One registry model is' : `${dependents.length} registry models are`;
        throw new AppError(
          'conflict',
          `${count} built on ${name}: ${dependents.join(', ')}. They cannot be rebuilt until it is pulled again. Confirm to delete it anyway.`,
          dependents.map((model) => ({ path: 'dependents', message: model })),
        );
      }
      const run = deleteJobRunner({ gateway: deps.gateway(), onSettled: resync }, name);
      return jobs.start({ kind: 'delete', target: name, key: deleteJobKey(name), run }).job;
    },
  };
}
