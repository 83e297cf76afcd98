import { selectConnection } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { ConnectionWarnings } from './ConnectionWarnings';

/** Quiet when Ollama answers; loud, with what to do, when it does not. */
export function ConnectionStrip() {
  const connection = useAppStore(selectConnection);
  const syncing = useAppStore((s) => s.syncing);
  const syncNow = useAppStore((s) => s.syncNow);
  const navigate = useAppStore((s) => s.navigate);

  const retry = (
    <button type="button" className="button button--on-alert" onClick={() => void syncNow()} disabled={syncing} aria-busy={syncing}>
      {syncing && <span className="spinner" aria-hidden="true" />}
      Check again
    </button>
  );

  let strip;
  if (!connection || connection.status === 'unknown') {
    strip = (
      <div className="conn conn--quiet" role="status" data-testid="connection-strip" data-status="unknown">
        <span className="spinner" aria-hidden="true" />
        Checking Ollama{connection ? ` at ${connection.host}` : ''}…
      </div>
    );
  } else if (connection.status === 'online') {
    strip = (
      <div className="conn conn--quiet" role="status" data-testid="connection-strip" data-status="online">
        <span className="conn__dot" aria-hidden="true" />
        <span className="conn__state">Connected</span>
        <span className="conn__host mono" title="Ollama host">
          {connection.host}
        </span>
        {connection.version && <span className="conn__version">Ollama {connection.version}</span>}
      </div>
    );
  } else {
    const offline = connection.status === 'offline';
    // The offline message repeats the headline and the hint: show only its reason.
    const detail = offline ? offlineReason(connection.message) : connection.message;
    strip = (
      <div className="conn conn--alert" role="alert" data-testid="connection-strip" data-status={connection.status}>
        <span className="conn__alert-icon" aria-hidden="true">
          !
        </span>
        <div className="conn__body">
          <strong>
            {offline ? `Ollama is not reachable at ${connection.host}` : `Ollama at ${connection.host} answered with an error`}
          </strong>
          {offline ? (
            <p>
              Start Ollama (<code>ollama serve</code>) or change the host in Settings.
            </p>
          ) : (
            <p>Check that the address is Ollama's and look at Ollama's log, then check again.</p>
          )}
          {detail && <p className="conn__detail">{detail}</p>}
        </div>
        <div className="conn__actions">
          {retry}
          <button type="button" className="button button--ghost-on-alert" onClick={() => navigate('settings')}>
            Settings
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="conn-area">
      {strip}
      <ConnectionWarnings />
    </div>
  );
}

function offlineReason(message: string | null): string | null {
  const reason = message && /is not reachable at \S+ \(([^)]+)\)/.exec(message)?.[1];
  return reason ? `Reason: ${reason}.` : message;
}
