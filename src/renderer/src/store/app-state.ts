import type { StateCreator } from 'zustand';
import type { ChatSlice } from './chat-slice';
import type { CreateFlowSlice } from './create-flow-slice';
import type { DetailSlice } from './detail-slice';
import type { JobsSlice } from './jobs-slice';
import type { ModelfileSlice } from './modelfile-slice';
import type { NotificationsSlice } from './notifications-slice';
import type { RegistrySlice } from './registry-slice';
import type { SettingsSlice } from './settings-slice';
import type { StartupSlice } from './startup-slice';
import type { StoreEnv } from './store-env';
import type { SyncSlice } from './sync-slice';
import type { UiSlice } from './ui-slice';
// ---------- lifecycle: base models, running, import/export ----------
import type { BaseModelsSlice } from './base-models-slice';
import type { JobHistorySlice } from './job-history-slice';
import type { RunningSlice } from './running-slice';
import type { TransferSlice } from './transfer-slice';
// ---------- lifecycle: versions, edit, delete, adopt ----------
import type { ModelOpsSlice } from './model-ops-slice';
// ---------- evaluations ----------
import type { EvalsSlice } from './evals-slice';
// ---------- hosts and deploy ----------
import type { HostsSlice } from './hosts-slice';
// ---------- model facts ----------
import type { FactsSlice } from './facts-slice';
// ---------- desktop ----------
import type { CommandSlice } from './command-slice';
import type { CrashSlice } from './crash-slice';
// ---------- updates ----------
import type { UpdatesSlice } from './updates-slice';
import type { CliPathSlice } from './cli-path-slice';

export type AppState = StartupSlice &
  RegistrySlice &
  SyncSlice &
  SettingsSlice &
  UiSlice &
  NotificationsSlice &
  JobsSlice &
  DetailSlice &
  ModelfileSlice &
  CreateFlowSlice &
  ChatSlice &
  // ---------- lifecycle ----------
  BaseModelsSlice &
  RunningSlice &
  TransferSlice &
  JobHistorySlice &
  // ---------- lifecycle: versions, edit, delete, adopt ----------
  ModelOpsSlice &
  // ---------- evaluations ----------
  EvalsSlice &
  // ---------- hosts and deploy ----------
  HostsSlice &
  // ---------- model facts ----------
  FactsSlice &
  // ---------- desktop ----------
  CommandSlice &
  CrashSlice &
  // ---------- updates ----------
  UpdatesSlice &
  CliPathSlice;

/** The zustand slices pattern, with the environment (client, window) passed in rather than imported. */
export type SliceCreator<Slice> = (env: StoreEnv) => StateCreator<AppState, [], [], Slice>;
