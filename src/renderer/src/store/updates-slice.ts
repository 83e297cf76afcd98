import type { UpdatesStatus } from '../../../shared/updates';
import { attempt, type ActionResult } from './action-result';
import type { SliceCreator } from './app-state';

export interface UpdatesSlice {
  /** What the desktop app found and downloaded, and the setting; null until read. */
  updates: UpdatesStatus | null;
  receiveUpdates(status: UpdatesStatus): void;
  /** Quiet when it fails: the status bar then shows no update, which is what an old server means. */
  loadUpdates(): Promise<void>;
  setUpdatesEnabled(enabled: boolean): Promise<ActionResult<UpdatesStatus>>;
  /** "Restart to update": main refuses while a job runs and says why (shown as a notice). */
  restartToUpdate(): Promise<ActionResult<{ restarting: true }>>;
}

export const createUpdatesSlice: SliceCreator<UpdatesSlice> = ({ client }) => (set, get) => ({
  updates: null,
  receiveUpdates(status) {
    set({ updates: status });
  },
  async loadUpdates() {
    const result = await attempt(() => client.call('updates.get', {}));
    // An event that came while asking is newer than the answer.
    if (result.ok && get().updates === null) set({ updates: result.value });
  },
  async setUpdatesEnabled(enabled) {
    const result = await attempt(() => client.call('updates.setEnabled', { enabled }));
    if (result.ok) set({ updates: result.value });
    return result;
  },
  async restartToUpdate() {
    const result = await attempt(() => client.call('updates.restart', {}));
    if (!result.ok) get().notifyError('Modelwright cannot restart yet', result.error, 'updates');
    return result;
  },
});
