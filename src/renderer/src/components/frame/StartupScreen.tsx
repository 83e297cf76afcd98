import type { Startup } from '../../store/startup-slice';
import { useAppStore } from '../../store/store-context';

/** What shows before the registry is loaded: progress, or why it could not be and what to do. */
export function StartupScreen({ startup }: { startup: Startup }) {
  const load = useAppStore((s) => s.load);
  if (startup.status === 'loading') {
    return (
      <div className="startup" role="status" aria-live="polite">
        <span className="spinner spinner--large" aria-hidden="true" />
        <p>Opening the workspace…</p>
      </div>
    );
  }
  if (startup.status === 'ready') return null;
  const needsToken = startup.error.kind === 'forbidden';
  return (
    <div className="startup">
      <section className="startup__card" role="alert" aria-labelledby="startup-title" data-testid="startup-error">
        <h1 id="startup-title">{needsToken ? 'This page needs its access token' : 'Modelwright could not start'}</h1>
        <p>{startup.error.message}</p>
        {needsToken ? (
          <p className="muted">
            The token keeps other pages and programs on this computer from using the server. It is in the address the server
            printed when it started.
          </p>
        ) : (
          <button type="button" className="button button--primary" onClick={() => void load()}>
            Try again
          </button>
        )}
      </section>
    </div>
  );
}
