import type { RunningModel } from '../../../shared/contract';
import type { KeepAliveValue } from '../../../shared/keep-alive';
import type { PreloadOutcome } from '../../../shared/lifecycle';
import { modelKey } from '../../../shared/model-name';
import { AppError } from '../../../shared/errors';
import { displayNameOf } from '../models/model-labels';
import { attempt, type ActionResult } from './action-result';
import type { SliceCreator } from './app-state';
import { ownValue } from '../../../shared/own-key';

export type RunningAction = 'loading' | 'unloading';

export interface RunningSlice {
  /** Loads and unloads under way, by model name key: their buttons show it and wait. */
  runningBusy: Readonly<Record<string, RunningAction>>;
  /** What the automatic preloads of this run did, newest first. */
  preloadOutcomes: PreloadOutcome[];
  receiveRunning(list: RunningModel[]): void;
  /** A preload seen finishing (an event) is announced when it failed or was skipped; the list loaded at start only if recent. */
  receivePreload(outcome: PreloadOutcome, source: 'event' | 'list'): void;
  loadPreloadOutcomes(): Promise<void>;
  /** `keepAlive` null: Ollama's default time. Errors are also notified. */
  loadModel(model: string, keepAlive: KeepAliveValue | null): Promise<ActionResult<RunningModel[] | null>>;
  unloadModel(model: string): Promise<ActionResult<RunningModel[] | null>>;
}

/** A failure from the start-up preload still matters to a window opened a little later, not to one opened tomorrow. */
const RECENT_PRELOAD_MS = 10 * 60_000;

export const createRunningSlice: SliceCreator<RunningSlice> = ({ client, now }) => (set, get) => {
  const titleOf = (name: string) => {
    const entry = ownValue(get().snapshot?.registry.models, name);
    return entry ? displayNameOf(entry) : name;
  };
  const setBusy = (model: string, action: RunningAction | null) =>
    set((state) => {
      const busy = { ...state.runningBusy };
      if (action) busy[modelKey(model)] = action;
      else delete busy[modelKey(model)];
      return { runningBusy: busy };
    });

  async function change(model: string, action: RunningAction, work: () => Promise<{ running: RunningModel[] | null }>) {
    setBusy(model, action);
    const result = await attempt(work);
    setBusy(model, null);
    if (!result.ok) {
      get().notifyError(`Could not ${action === 'loading' ? 'load' : 'unload'} ${titleOf(model)}`, result.error, `running:${modelKey(model)}`);
      return result;
    }
    get().resolveNotice(`running:${modelKey(model)}`);
    if (result.value.running) set({ running: result.value.running, runningError: null });
    else void get().refreshRunning();
    return { ok: true as const, value: result.value.running };
  }

  return {
    runningBusy: {},
    preloadOutcomes: [],
    receiveRunning(list) {
      set({ running: list, runningError: null });
    },
    receivePreload(outcome, source) {
      const known = get().preloadOutcomes;
      if (known.some((o) => o.id === outcome.id)) return;
      set({ preloadOutcomes: [outcome, ...known].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)) });
      if (outcome.state === 'loaded') return;
      if (source === 'list' && now() - Date.parse(outcome.at) > RECENT_PRELOAD_MS) return;
      const title = titleOf(outcome.model);
      const when = outcome.trigger === 'startup' ? 'at start' : 'after it was created';
      get().notify({
        tone: outcome.state === 'failed' ? 'error' : 'info',
        title: outcome.state === 'failed' ? `Could not preload ${title}` : `${title} was not preloaded ${when}`,
        message: outcome.reason ?? '',
        key: `preload:${modelKey(outcome.model)}`,
      });
    },
    async loadPreloadOutcomes() {
      const result = await attempt(() => client.call('preload.list', {}));
      // Background information: without it the app works the same.
      if (!result.ok) return;
      for (const outcome of [...result.value].reverse()) get().receivePreload(outcome, 'list');
    },
    async loadModel(model, keepAlive) {
      if (!(await get().confirmMemory(model, 'Load'))) {
        return { ok: false as const, error: new AppError('cancelled', `${titleOf(model)} was not loaded.`) };
      }
      return change(model, 'loading', () => client.call('ollama.load', keepAlive === null ? { model } : { model, keepAlive }));
    },
    unloadModel(model) {
      return change(model, 'unloading', () => client.call('ollama.unload', { model }));
    },
  };
};
