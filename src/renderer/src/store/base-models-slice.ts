import type { RegistrySnapshot } from '../../../shared/contract';
import type { Job } from '../../../shared/jobs';
import type { NewBaseModel } from '../../../shared/lifecycle';
import type { BaseModelEntry } from '../../../shared/registry';
import { attempt, type ActionResult } from './action-result';
import type { SliceCreator } from './app-state';

export interface BaseModelsSlice {
  /** Errors are returned, not notified: the add dialog shows them beside the fields. */
  addBaseModel(entry: NewBaseModel): Promise<ActionResult<BaseModelEntry>>;
  /** Takes the entry off the registry's list; Ollama keeps the model. Errors are also notified. */
  removeBaseModel(name: string): Promise<ActionResult<RegistrySnapshot>>;
  /**
   * Deletes the model from Ollama as a job. `confirmDependents`: the user saw the registry
   * models built on it and confirmed. Errors are returned (the dialog shows them).
   */
  deleteBaseModel(name: string, confirmDependents: boolean): Promise<ActionResult<Job>>;
}

export const createBaseModelsSlice: SliceCreator<BaseModelsSlice> = ({ client }) => (set, get) => ({
  async addBaseModel(entry) {
    const result = await attempt(() => client.call('baseModels.add', { entry }));
    if (result.ok) get().notify({ tone: 'success', title: `Added ${entry.name.trim()} to the base models` });
    return result;
  },
  async removeBaseModel(name) {
    const result = await attempt(() => client.call('baseModels.remove', { name }));
    if (result.ok) set({ snapshot: result.value });
    else get().notifyError(`Could not remove ${name} from the base models`, result.error);
    return result;
  },
  async deleteBaseModel(name, confirmDependents) {
    const result = await attempt(() => client.call('baseModels.delete', { name, confirmDependents }));
    if (result.ok) get().receiveJob(result.value, 'call');
    return result;
  },
});
