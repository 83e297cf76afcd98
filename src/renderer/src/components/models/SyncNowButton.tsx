import { useAppStore } from '../../store/store-context';
import { useOllamaGate } from '../common/use-ollama-gate';

/** Disabled while Ollama is away: the connection strip's Retry is the way to look again. */
export function SyncNowButton() {
  const syncNow = useAppStore((s) => s.syncNow);
  const syncing = useAppStore((s) => s.syncing);
  const gate = useOllamaGate();
  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="sync-now"
        onClick={() => void syncNow()}
        disabled={syncing || gate.blocked}
        aria-busy={syncing}
        title={gate.reason ?? undefined}
        aria-describedby={gate.describedBy}
      >
        {syncing && <span className="spinner" aria-hidden="true" />}
        Sync now
      </button>
      {gate.note}
    </>
  );
}
