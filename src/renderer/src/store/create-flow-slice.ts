import { diagnose, type Diagnostic } from '../../../shared/modelfile';
import { modelKey } from '../../../shared/model-name';
import { displayNameOf } from '../models/model-labels';
import { baseModelOf } from '../models/modelfile-base';
import { attempt } from './action-result';
import type { SliceCreator } from './app-state';
import { isDirty } from './modelfile-slice';
import { normalizeModelfilePath } from './modelfile-path';
import { selectOllamaNames, selectValidationContext } from './modelfile-selectors';
import { ownValue } from '../../../shared/own-key';

/** The checks between a Create click and the job: a dialog shows whatever needs the user. */
export type CreateFlow =
  | { step: 'checking'; name: string }
  /** The Modelfile has errors Ollama would reject (or cannot be read): creating is refused. */
  | { step: 'blocked'; name: string; path: string; message: string; errors: Diagnostic[] }
  /** The FROM model is not in Ollama: pull it first, let Ollama pull it, or stop. */
  | { step: 'base-missing'; name: string; base: string };

export interface CreateFlowSlice {
  createFlow: CreateFlow | null;
  /**
   * What every Create, Rebuild and Retry button calls: checks the Modelfile (`text` is the editor's,
   * already saved; otherwise the file is read) and the base model, then starts the job.
   */
  requestCreate(name: string, text?: string): Promise<void>;
  /** Answers the base-model dialog. */
  confirmCreate(pullBase: boolean): Promise<void>;
  cancelCreate(): void;
}

export const createCreateFlowSlice: SliceCreator<CreateFlowSlice> = ({ client }) => (set, get) => ({
  createFlow: null,
  async requestCreate(name, text) {
    const entry = ownValue(get().snapshot?.registry.models, name);
    if (!entry) return;
    const flow: CreateFlow = { step: 'checking', name };
    set({ createFlow: flow });
    const path = normalizeModelfilePath(entry.modelfile);

    let content = text;
    const open = get().documents[path];
    if (content === undefined && open?.status === 'ready' && !isDirty(open)) content = open.text;
    if (content === undefined) {
      const read = await attempt(() => client.call('modelfile.read', { path }));
      if (get().createFlow !== flow) return;
      if (!read.ok) {
        set({ createFlow: { step: 'blocked', name, path, message: `The Modelfile ${path} could not be read: ${read.error.message}`, errors: [] } });
        return;
      }
      if (!read.value.exists) {
        set({ createFlow: { step: 'blocked', name, path, message: `The Modelfile ${path} does not exist. Write it in the Modelfile tab first.`, errors: [] } });
        return;
      }
      content = read.value.content;
    }

    const { modelfile, diagnostics } = diagnose(content, selectValidationContext(get()));
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      const count = errors.length === 1 ? 'an error' : `${errors.length} errors`;
      set({ createFlow: { step: 'blocked', name, path, message: `${displayNameOf(entry)}'s Modelfile has ${count} Ollama would reject.`, errors } });
      return;
    }

    const base = baseModelOf(modelfile);
    const ollama = selectOllamaNames(get());
    if (base && ollama && !ollama.some((m) => modelKey(m.name) === modelKey(base))) {
      set({ createFlow: { step: 'base-missing', name, base } });
      return;
    }
    set({ createFlow: null });
    await get().createModel(name, false);
  },
  async confirmCreate(pullBase) {
    const flow = get().createFlow;
    if (flow?.step !== 'base-missing') return;
    set({ createFlow: null });
    await get().createModel(flow.name, pullBase);
  },
  cancelCreate() {
    set({ createFlow: null });
  },
});
