import type { AppError } from '../../../shared/errors';
import type { SliceCreator } from './app-state';
import { loadDismissedWarnings, saveDismissedWarnings } from './dismissed-warnings';

/** A button in a notice: "Open" the model just created, "Retry" a failed build. */
export interface NoticeAction {
  label: string;
  run(): void;
}

export interface Notice {
  id: number;
  tone: 'error' | 'success' | 'info';
  title: string;
  message: string;
  /** Field issues of a validation error, shown under the message. */
  details: string[];
  /**
   * The condition the notice reports ("sync", "running:<model>"…): notices with the same key replace
   * each other (a failing sync repeated on every focus shows once), and the condition's end removes it.
   */
  key: string | null;
  action: NoticeAction | null;
}

export interface NotifyInput {
  tone: Notice['tone'];
  title: string;
  message?: string;
  details?: string[];
  key?: string;
  action?: NoticeAction;
}

export interface NotificationsSlice {
  notifications: Notice[];
  /** Connection warnings (an old Ollama) the user has dismissed, by their text, which names the version. */
  dismissedWarnings: string[];
  notify(input: NotifyInput): void;
  notifyError(title: string, error: AppError, key?: string, action?: NoticeAction): void;
  /** The condition behind `key` is over (the retry worked): its notice goes. */
  resolveNotice(key: string): void;
  dismiss(id: number): void;
  dismissAll(): void;
  /** While the pointer or focus is on a notice it stays; the timer starts again when they leave. */
  holdNotice(id: number, held: boolean): void;
  /** Hides a connection warning until Ollama's version (and so the text) changes; remembered. */
  dismissWarning(text: string): void;
}

/** Errors stay until dismissed (they need reading); other notices leave on their own. */
const AUTO_DISMISS_MS = 6000;

export const createNotificationsSlice: SliceCreator<NotificationsSlice> = (env) => (set, get) => {
  let nextId = 1;
  const timers = new Map<number, number>();
  const schedule = (id: number) => {
    env.window.clearTimeout(timers.get(id));
    timers.set(
      id,
      env.window.setTimeout(() => {
        timers.delete(id);
        get().dismiss(id);
      }, AUTO_DISMISS_MS),
    );
  };
  return {
    notifications: [],
    dismissedWarnings: loadDismissedWarnings(env.storage),
    notify(input) {
      const notice: Notice = {
        id: nextId++,
        tone: input.tone,
        title: input.title,
        message: input.message ?? '',
        details: input.details ?? [],
        key: input.key ?? null,
        action: input.action ?? null,
      };
      set((state) => ({
        notifications: [...state.notifications.filter((n) => notice.key === null || n.key !== notice.key), notice],
      }));
      if (notice.tone !== 'error') schedule(notice.id);
    },
    notifyError(title, error, key, action) {
      get().notify({
        tone: 'error',
        title,
        message: error.message,
        details: (error.issues ?? []).map((issue) => `${issue.path}: ${issue.message}`),
        ...(key === undefined ? {} : { key }),
        ...(action === undefined ? {} : { action }),
      });
    },
    resolveNotice(key) {
      if (get().notifications.some((n) => n.key === key)) set((state) => ({ notifications: state.notifications.filter((n) => n.key !== key) }));
    },
    dismiss(id) {
      set((state) => ({ notifications: state.notifications.filter((n) => n.id !== id) }));
    },
    dismissAll() {
      set({ notifications: [] });
    },
    holdNotice(id, held) {
      const notice = get().notifications.find((n) => n.id === id);
      if (!notice || notice.tone === 'error') return;
      env.window.clearTimeout(timers.get(id));
      timers.delete(id);
      if (!held) schedule(id);
    },
    dismissWarning(text) {
      const next = [...get().dismissedWarnings.filter((t) => t !== text), text];
      set({ dismissedWarnings: next });
      saveDismissedWarnings(env.storage, next);
    },
  };
};
