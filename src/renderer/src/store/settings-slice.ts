import type { CallInput, Settings } from '../../../shared/contract';
import { attempt, type ActionResult } from './action-result';
import type { SliceCreator } from './app-state';

export interface SettingsSlice {
  settings: Settings | null;
  receiveSettings(settings: Settings): void;
  /** Errors are returned, not notified: the settings form shows them beside the field. */
  updateSettings(patch: CallInput<'settings.update'>): Promise<ActionResult<Settings>>;
  refreshSettings(): Promise<void>;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = ({ client }) => (set, get) => ({
  settings: null,
  receiveSettings(settings) {
    set({ settings });
  },
  async updateSettings(patch) {
    const result = await attempt(() => client.call('settings.update', patch));
    if (result.ok) {
      const hostChanged = result.value.effectiveHost !== get().settings?.effectiveHost;
      set({ settings: result.value });
      // The connection strip should answer for the new host straight away.
      if (hostChanged) void get().syncNow();
    }
    return result;
  },
  async refreshSettings() {
    const result = await attempt(() => client.call('settings.get', {}));
    if (result.ok) {
      get().resolveNotice('settings');
      set({ settings: result.value });
    } else get().notifyError('Could not load the settings', result.error, 'settings');
  },
});
