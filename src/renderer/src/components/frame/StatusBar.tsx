import { selectConnection } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { StatusBarJobs } from './StatusBarJobs';

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString();
}

export function StatusBar() {
  const lastSyncAt = useAppStore((s) => s.sync?.lastSyncAt ?? null);
  const syncing = useAppStore((s) => s.syncing);
  const running = useAppStore((s) => s.running);
  const runningError = useAppStore((s) => s.runningError);
  const online = useAppStore((s) => selectConnection(s)?.status === 'online');

  let runningText: string | null = null;
  if (runningError) runningText = 'Loaded models unknown';
  else if (online && running) {
    runningText = running.length === 0 ? 'No models in memory' : `${running.length} ${running.length === 1 ? 'model' : 'models'} in memory`;
  }

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
      {runningText && (
        <span
          className="status-bar__item"
          data-testid="running-models"
          title={runningError ?? running?.map((m) => m.name).join('\n') ?? undefined}
        >
          {runningText}
        </span>
      )}
      <StatusBarJobs />
    </footer>
  );
}
