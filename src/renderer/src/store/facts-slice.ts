import type { ModelFacts } from '../../../shared/model-facts';
import { estimateMemory, fitVerdict } from '../../../shared/memory-estimate';
import { modelKey } from '../../../shared/model-name';
import { humanBytes } from '../../../shared/human-bytes';
import { AppError } from '../../../shared/errors';
import { setParameter } from '../../../shared/modelfile/set-parameter';
import { ownValue } from '../../../shared/own-key';
import { attempt, type ActionResult } from './action-result';
import { isDirty } from './modelfile-slice';
import { normalizeModelfilePath } from './modelfile-path';
import type { SliceCreator } from './app-state';

export type FactsEntry = { status: 'loading' } | { status: 'ready'; facts: ModelFacts } | { status: 'failed'; error: string };

/** A load or preload that, by the estimate, will not fit in the free memory the user gave: asked before it goes. */
export interface MemoryConfirm {
  model: string;
  /** What is about to happen: "Load" or "Preload". */
  action: string;
  message: string;
  answer: (proceed: boolean) => void;
}

export interface FactsSlice {
  /** Facts by model name key, fetched on demand (main asks /api/show once per digest). */
  modelFacts: Readonly<Record<string, FactsEntry>>;
  /** Free memory for models, in bytes, as the user entered it on a model page; null: not given. */
  freeMemory: number | null;
  /** The context size chosen on a model's page for the estimate, by name key. */
  estimateContext: Readonly<Record<string, number>>;
  memoryConfirm: MemoryConfirm | null;
  loadFacts(model: string, options?: { force?: boolean }): Promise<void>;
  setFreeMemory(bytes: number | null): void;
  setEstimateContext(model: string, tokens: number): void;
  /** True at once, or, when the estimate says the model will not fit, the user's answer to a confirm that gives the numbers. */
  confirmMemory(model: string, action: 'Load' | 'Preload'): Promise<boolean>;
  answerMemoryConfirm(proceed: boolean): void;
  /**
   * Writes `PARAMETER num_ctx tokens` into the model's Modelfile and saves it with the conflict
   * check (a file changed elsewhere is not overwritten). Refused while the editor holds unsaved
   * edits to that file, so none is lost or saved half-way.
   */
  setContextSize(model: string, tokens: number): Promise<ActionResult<null>>;
}

/** The context a load will use, for the warning: its own num_ctx, else what the page's slider shows, else 4096. */
export function loadContextOf(facts: ModelFacts, chosen: number | undefined): number {
  return facts.context.tokens ?? chosen ?? Math.min(4096, facts.trainedContext ?? 4096);
}

export const createFactsSlice: SliceCreator<FactsSlice> = ({ client }) => (set, get) => ({
  modelFacts: {},
  freeMemory: null,
  estimateContext: {},
  memoryConfirm: null,
  async loadFacts(model, options = {}) {
    const key = modelKey(model);
    const known = get().modelFacts[key];
    if (known && known.status !== 'failed' && !options.force) return;
    set((s) => ({ modelFacts: { ...s.modelFacts, [key]: { status: 'loading' } } }));
    const result = await attempt(() => client.call('models.facts', { model }));
    set((s) => ({
      modelFacts: { ...s.modelFacts, [key]: result.ok ? { status: 'ready', facts: result.value } : { status: 'failed', error: result.error.message } },
    }));
  },
  setFreeMemory(bytes) {
    set({ freeMemory: bytes !== null && Number.isFinite(bytes) && bytes > 0 ? bytes : null });
  },
  setEstimateContext(model, tokens) {
    set((s) => ({ estimateContext: { ...s.estimateContext, [modelKey(model)]: tokens } }));
  },
  async confirmMemory(model, action) {
    const { freeMemory, modelFacts, estimateContext } = get();
    const entry = modelFacts[modelKey(model)];
    if (freeMemory === null || entry?.status !== 'ready' || entry.facts.cloud) return true;
    const context = loadContextOf(entry.facts, estimateContext[modelKey(model)]);
    const estimate = estimateMemory({ modelInfo: entry.facts.modelInfo, weightsBytes: entry.facts.fileSize, context });
    if (!estimate.ok || fitVerdict(estimate.estimate.total, freeMemory) !== 'does-not-fit') return true;
    get().memoryConfirm?.answer(false);
    return new Promise<boolean>((resolve) => set({
      memoryConfirm: {
        model,
        action,
        message:
          `${model} needs about ${humanBytes(estimate.estimate.total)} at ${context} tokens ` +
          `(weights ${humanBytes(estimate.estimate.weights)}, context cache ${humanBytes(estimate.estimate.kvCache)}, ` +
          `working memory ${humanBytes(estimate.estimate.graph)}), more than the ${humanBytes(freeMemory)} free you entered. ` +
          `Ollama would put part of it on the CPU, which is much slower. Lower its context size, or free memory first.`,
        answer: resolve,
      },
    }));
  },
  async setContextSize(model, tokens) {
    const entry = ownValue(get().snapshot?.registry.models, model);
    const path = entry ? normalizeModelfilePath(entry.modelfile) : '';
    const fail = (message: string): ActionResult<null> => ({ ok: false, error: new AppError('validation', message) });
    if (!entry || !path) return fail(`${model} has no Modelfile in the workspace, so its context size cannot be set here.`);
    await get().openDocument(path);
    const doc = get().documents[path];
    if (!doc || doc.status !== 'ready') return fail(`Could not read ${path}: ${doc?.loadError ?? 'open it in the Modelfile tab and try again.'}`);
    if (isDirty(doc)) return fail(`${path} has unsaved edits in the Modelfile tab: save or discard them first, then set the context size.`);
    const edited = setParameter(doc.savedText, 'num_ctx', String(tokens));
    if (!edited.ok) return fail(`${path} cannot be changed safely (${edited.reason}): fix it in the Modelfile tab first.`);
    if (!edited.changed) return { ok: true, value: null };
    get().editDocument(path, edited.text);
    const saved = await get().saveDocument(path);
    if (!saved.ok) {
      // The editor keeps the change as a draft with the conflict to resolve; nothing is lost.
      return saved;
    }
    return { ok: true, value: null };
  },
  answerMemoryConfirm(proceed) {
    const pending = get().memoryConfirm;
    set({ memoryConfirm: null });
    pending?.answer(proceed);
  },
});
