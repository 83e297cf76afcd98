import type { ErrorReport } from '../../../shared/error-report';
import { attempt } from './action-result';
import type { SliceCreator } from './app-state';

/** At most this many reports a page load: an error in a render loop must not flood the log. */
export const MAX_REPORTS_PER_PAGE = 20;

/** What the one crash dialog says about where the details went. */
export type CrashNotice = { logged: 'file'; folder: string } | { logged: 'server' } | { logged: 'nowhere' };

export interface CrashSlice {
  /** The crash dialog, while it shows; it shows once a page load, for the first error. */
  crash: CrashNotice | null;
  crashShown: boolean;
  crashReportsSent: number;
  /** Sends an uncaught page error to the app's log; the first one also opens the dialog. */
  reportCrash(report: ErrorReport): Promise<void>;
  dismissCrash(): void;
}

export const createCrashSlice: SliceCreator<CrashSlice> = ({ client }) => (set, get) => ({
  crash: null,
  crashShown: false,
  crashReportsSent: 0,
  async reportCrash(report) {
    if (get().crashReportsSent >= MAX_REPORTS_PER_PAGE) return;
    set((state) => ({ crashReportsSent: state.crashReportsSent + 1 }));
    const sent = await attempt(() => client.call('app.reportError', report));
    if (get().crashShown) return;
    const notice: CrashNotice = !sent.ok
      ? { logged: 'nowhere' }
      : sent.value.logFolder === null
        ? { logged: 'server' }
        : { logged: 'file', folder: sent.value.logFolder };
    set({ crash: notice, crashShown: true });
  },
  dismissCrash() {
    set({ crash: null });
  },
});
