import { useAppStore } from '../../store/store-context';

export function SyncNowButton() {
  const syncNow = useAppStore((s) => s.syncNow);
  const syncing = useAppStore((s) => s.syncing);
  return (
    <button type="button" className="button" onClick={() => void syncNow()} disabled={syncing} aria-busy={syncing}>
      {syncing && <span className="spinner" aria-hidden="true" />}
      Sync now
    </button>
  );
}
