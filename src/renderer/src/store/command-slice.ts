import type { AppCommand, NotificationClicked } from '../../../shared/app-commands';
import { ownValue } from '../../../shared/own-key';
import type { SliceCreator } from './app-state';
import { selectReadOnly } from './selectors';

/** A command the open model's detail carries out (it owns the editor's text and its save). */
export type DetailCommand = Exclude<AppCommand, 'model.new'>;

export interface CommandSlice {
  /**
   * The last detail command asked for (the desktop menu), numbered so the same command twice is
   * two requests. The open detail acts on requests made after it opened; with none open, nothing.
   */
  commandRequest: { command: DetailCommand; seq: number } | null;
  /** Runs a menu command the way its keyboard shortcut and button do. */
  runCommand(command: AppCommand): void;
  /** A click on a finished job's system notification: the model created, or the base models pulled. */
  openNotified(target: NotificationClicked): void;
}

export const createCommandSlice: SliceCreator<CommandSlice> = () => (set, get) => ({
  commandRequest: null,
  runCommand(command) {
    const state = get();
    if (state.startup.status !== 'ready') return;
    if (command === 'model.new') {
      // The toolbar's "New model" is disabled while the registry is read-only; so is this.
      if (!selectReadOnly(state) && state.modelOpsDialog === null) state.openModelOpsDialog({ kind: 'new-model' });
      return;
    }
    set({ commandRequest: { command, seq: (state.commandRequest?.seq ?? 0) + 1 } });
  },
  openNotified({ kind, target }) {
    const state = get();
    if (state.startup.status !== 'ready') return;
    if (kind === 'create' && ownValue(state.snapshot?.registry.models, target)) state.openModel(target);
    else state.navigate(kind === 'create' ? 'jobs' : 'base-models');
  },
});
