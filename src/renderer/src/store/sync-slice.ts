import type { RunningModel, SyncState } from '../../../shared/contract';
import { attempt, type ActionResult } from './action-result';
import type { SliceCreator } from './app-state';

export interface SyncSlice {
  sync: SyncState | null;
  syncing: boolean;
  /** Models loaded in Ollama's memory; null when unknown (offline, or not asked yet). */
  running: RunningModel[] | null;
  runningError: string | null;
  receiveSync(state: SyncState): void;
  /** Reconciles now; a call while one runs joins it. Errors are also shown as a notification. */
  syncNow(): Promise<ActionResult<SyncState>>;
  /** Syncs unless one started in the last few seconds: for app start, window focus and tab return. */
  syncIfStale(): void;
  refreshRunning(): Promise<void>;
}

/** Focus and visibility events come in bursts; one sync per window covers them all. */
export const AUTO_SYNC_INTERVAL_MS = 5000;

export const createSyncSlice: SliceCreator<SyncSlice> = ({ client, now }) => (set, get) => {
  let inFlight: Promise<ActionResult<SyncState>> | null = null;
  let runningInFlight: Promise<void> | null = null;
  let lastStartedAt = Number.NEGATIVE_INFINITY;

  return {
    sync: null,
    syncing: false,
    running: null,
    runningError: null,
    receiveSync(state) {
      set({ sync: state });
      // Ollama answers again: a failed sync's notice is out of date (the banner tells the rest).
      if (state.connection.status === 'online') get().resolveNotice('sync');
      void get().refreshRunning();
    },
    syncNow() {
      if (inFlight) return inFlight;
      lastStartedAt = now();
      set({ syncing: true });
      inFlight = (async () => {
        const result = await attempt(() => client.call('sync.now', {}));
        inFlight = null;
        if (result.ok) {
          set({ sync: result.value, syncing: false });
          get().resolveNotice('sync');
          void get().refreshRunning();
        } else {
          set({ syncing: false });
          get().notifyError('Could not sync with Ollama', result.error, 'sync');
        }
        return result;
      })();
      return inFlight;
    },
    syncIfStale() {
      if (inFlight || now() - lastStartedAt < AUTO_SYNC_INTERVAL_MS) return;
      void get().syncNow();
    },
    refreshRunning() {
      if (get().sync?.connection.status !== 'online') {
        set({ running: null, runningError: null });
        return Promise.resolve();
      }
      runningInFlight ??= (async () => {
        const result = await attempt(() => client.call('ollama.running', {}));
        runningInFlight = null;
        // Shown in the status bar rather than as a notification: it is background information.
        if (result.ok) set({ running: result.value, runningError: null });
        else set({ running: null, runningError: result.error.message });
      })();
      return runningInFlight;
    },
  };
};
