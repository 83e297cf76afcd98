import type { RegistrySnapshot } from '../../../shared/contract';
import type { ModelEntry, ModelPatch } from '../../../shared/registry';
import { AppError } from '../../../shared/errors';
import { displayNameOf } from '../models/model-labels';
import { attempt, type ActionResult } from './action-result';
import type { SliceCreator } from './app-state';
import { ownValue } from '../../../shared/own-key';

export interface RegistrySlice {
  /** The registry as last read, with the workspace and any problem in the file. */
  snapshot: RegistrySnapshot | null;
  receiveSnapshot(snapshot: RegistrySnapshot): void;
  /** Errors are also shown as a notification. */
  updateModel(name: string, patch: ModelPatch): Promise<ActionResult<ModelEntry>>;
  /** `null` clears the default. Errors are also shown as a notification. */
  setDefault(name: string | null): Promise<ActionResult<RegistrySnapshot>>;
  /** Errors are returned, not notified: the workspace form shows them beside the path. */
  openWorkspace(path: string): Promise<ActionResult<RegistrySnapshot>>;
}

export const createRegistrySlice: SliceCreator<RegistrySlice> = ({ client }) => (set, get) => ({
  snapshot: null,
  receiveSnapshot(snapshot) {
    set({ snapshot });
  },
  async updateModel(name, patch) {
    if (patch.auto_preload === true && !(await get().confirmMemory(name, 'Preload'))) {
      return { ok: false as const, error: new AppError('cancelled', `${name} was not set to preload.`) };
    }
    const result = await attempt(() => client.call('models.update', { name, patch }));
    if (result.ok) {
      get().resolveNotice(`update:${name}`);
      // The server also sends registry.changed; applying the answer now keeps the toggle instant.
      const current = get().snapshot;
      if (current && name in current.registry.models) {
        set({
          snapshot: {
            ...current,
            registry: { ...current.registry, models: { ...current.registry.models, [name]: result.value } },
          },
        });
      }
    } else {
      const entry = ownValue(get().snapshot?.registry.models, name);
      get().notifyError(`Could not update ${entry ? displayNameOf(entry) : name}`, result.error, `update:${name}`);
    }
    return result;
  },
  async setDefault(name) {
    const result = await attempt(() => client.call('models.setDefault', { name }));
    if (result.ok) {
      get().resolveNotice('default');
      set({ snapshot: result.value });
    } else get().notifyError(name === null ? 'Could not clear the default model' : 'Could not set the default model', result.error, 'default');
    return result;
  },
  async openWorkspace(path) {
    const result = await attempt(() => client.call('workspace.open', { path }));
    if (result.ok) {
      set({ snapshot: result.value });
      void get().syncNow();
      void get().refreshSettings();
    }
    return result;
  },
});
