import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../shared/contract';
import type { FirstPageSeed } from '../../../shared/first-page';
import type { AppState } from './app-state';
import { createChatSlice } from './chat-slice';
import { createCreateFlowSlice } from './create-flow-slice';
import { createDetailSlice } from './detail-slice';
import { createJobsSlice } from './jobs-slice';
import { createModelfileSlice } from './modelfile-slice';
import { createNotificationsSlice } from './notifications-slice';
import { createRegistrySlice } from './registry-slice';
import { createSettingsSlice } from './settings-slice';
import { createStartupSlice } from './startup-slice';
import type { StoreEnv } from './store-env';
import { createSyncSlice } from './sync-slice';
import { createUiSlice } from './ui-slice';
// ---------- lifecycle: base models, running, import/export ----------
import { createBaseModelsSlice } from './base-models-slice';
import { createJobHistorySlice } from './job-history-slice';
import { createRunningSlice } from './running-slice';
import { createTransferSlice } from './transfer-slice';
// ---------- lifecycle: versions, edit, delete, adopt ----------
import { createModelOpsSlice } from './model-ops-slice';
// ---------- evaluations ----------
import { createEvalsSlice } from './evals-slice';
// ---------- hosts and deploy ----------
import { createHostsSlice } from './hosts-slice';
import { createFactsSlice } from './facts-slice';
// ---------- desktop ----------
import { createCommandSlice } from './command-slice';
import { createCrashSlice } from './crash-slice';
// ---------- updates ----------
import { createUpdatesSlice } from './updates-slice';
import { createCliPathSlice } from './cli-path-slice';

export type AppStore = StoreApi<AppState>;

function browserStorage(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}

/** What a store started from the server's first page holds from its first moment. */
function seededState(seed: FirstPageSeed): Partial<AppState> {
  return { startup: { status: 'ready' }, appInfo: seed.appInfo, snapshot: seed.snapshot, sync: seed.sync, settings: seed.settings };
}

export interface AppStoreOptions extends Partial<Omit<StoreEnv, 'client'>> {
  /**
   * The start-up answers the server rendered the first page from. They are the store's initial
   * state (not a later update), because hydration renders from the initial state: the page then
   * renders exactly what the server sent, and `load` refreshes it in the background.
   */
  seed?: FirstPageSeed;
}

/** One store per app (and per test): the client is injected, never imported. */
export function createAppStore(client: ApiClient, env: AppStoreOptions = {}): AppStore {
  const win = env.window ?? window;
  const full: StoreEnv = {
    client,
    window: win,
    storage: env.storage === undefined ? browserStorage(win) : env.storage,
    now: env.now ?? (() => Date.now()),
  };
  return createStore<AppState>()((...a) => ({
    ...createStartupSlice(full)(...a),
    ...createRegistrySlice(full)(...a),
    ...createSyncSlice(full)(...a),
    ...createSettingsSlice(full)(...a),
    ...createUiSlice(full)(...a),
    ...createNotificationsSlice(full)(...a),
    ...createJobsSlice(full)(...a),
    ...createDetailSlice(full)(...a),
    ...createModelfileSlice(full)(...a),
    ...createCreateFlowSlice(full)(...a),
    ...createChatSlice(full)(...a),
    // ---------- lifecycle ----------
    ...createBaseModelsSlice(full)(...a),
    ...createRunningSlice(full)(...a),
    ...createTransferSlice(full)(...a),
    ...createJobHistorySlice(full)(...a),
    // ---------- lifecycle: versions, edit, delete, adopt ----------
    ...createModelOpsSlice(full)(...a),
    // ---------- evaluations ----------
    ...createEvalsSlice(full)(...a),
    // ---------- hosts and deploy ----------
    ...createHostsSlice(full)(...a),
    ...createFactsSlice(full)(...a),
    // ---------- desktop ----------
    ...createCommandSlice(full)(...a),
    ...createCrashSlice(full)(...a),
    // ---------- updates ----------
    ...createUpdatesSlice(full)(...a),
    ...createCliPathSlice(full)(...a),
    // Last: the server-rendered page's answers stand in for the slices' empty start.
    ...(env.seed ? seededState(env.seed) : {}),
  }));
}
