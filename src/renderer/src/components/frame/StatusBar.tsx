import { useInBrowser } from '../../hooks/use-in-browser';
import { useAppStore } from '../../store/store-context';
import { RunningModelsStatus } from '../running/RunningModelsStatus';
import { StatusBarJobs } from './StatusBarJobs';
import { UpdateNotice } from './UpdateNotice';

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString();
}

export function StatusBar() {
  const lastSyncAt = useAppStore((s) => s.sync?.lastSyncAt ?? null);
  const syncing = useAppStore((s) => s.syncing);
  // In the browser's locale and time zone, which the server rendering the first page does not know.
  const inBrowser = useInBrowser();

  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className="status-bar__item" data-testid="last-sync">
        {syncing ? (
          <>
            <span className="spinner" aria-hidden="true" /> Syncing…
          </>
        ) : lastSyncAt ? (
          <>
            Last sync <time dateTime={lastSyncAt}>{inBrowser ? formatTime(lastSyncAt) : ''}</time>
          </>
        ) : (
          'Not synced yet'
        )}
      </span>
      <RunningModelsStatus />
      <StatusBarJobs />
      <UpdateNotice />
    </footer>
  );
}
