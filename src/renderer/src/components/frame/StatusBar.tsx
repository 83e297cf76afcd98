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

  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className="status-bar__item" data-testid="last-sync">
        {syncing ? (
          <>
            <span className="spinner" aria-hidden="true" /> Syncing…
          </>
        ) : lastSyncAt ? (
          <>
            Last sync <time dateTime={lastSyncAt}>{formatTime(lastSyncAt)}</time>
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
