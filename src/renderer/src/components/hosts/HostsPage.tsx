import { useEffect } from 'react';
import { selectHosts } from '../../store/hosts-selectors';
import { useAppStore } from '../../store/store-context';
import '../../styles/hosts-page.css';
import { HostsMatrix } from './HostsMatrix';
import { PlanDialog } from './PlanDialog';

/** Hosts: every registry model's state on every Ollama host, and a plan to make hosts match the registry. */
export function HostsPage() {
  const hosts = useAppStore(selectHosts);
  const hostsLoaded = useAppStore((s) => s.hosts !== null);
  const hostsError = useAppStore((s) => s.hostsError);
  const matrix = useAppStore((s) => s.matrix);
  const loadHosts = useAppStore((s) => s.loadHosts);
  const loadMatrix = useAppStore((s) => s.loadMatrix);
  const openPlan = useAppStore((s) => s.openPlan);
  const several = hosts.length > 1;

  useEffect(() => {
    if (!hostsLoaded) void loadHosts();
  }, [hostsLoaded, loadHosts]);
  // Read afresh on each visit; events keep it current while the page is open.
  useEffect(() => {
    if (several) void loadMatrix();
  }, [several, loadMatrix]);

  return (
    <section className="page hosts-page" aria-labelledby="hosts-title" data-testid="hosts-page">
      <header className="page__header hosts-page__header">
        <h1 id="hosts-title">Hosts</h1>
        {several && (
          <div className="hosts-page__tools">
            <span className="muted hosts-page__hint">Each model’s state on each Ollama host</span>
            <button type="button" className="button button--primary" data-testid="plan-all" onClick={() => void openPlan({ host: null, prune: false })}>
              Plan…
            </button>
          </div>
        )}
      </header>
      <div className="hosts-page__body">
        {!hostsLoaded && hostsError && <LoadError message={`The hosts could not be read: ${hostsError.message}`} retry={() => void loadHosts()} />}
        {!hostsLoaded && !hostsError && (
          <p role="status" className="muted">
            <span className="spinner" aria-hidden="true" /> Reading the hosts…
          </p>
        )}
        {hostsLoaded && !several && <NoOtherHosts />}
        {several && matrix.value === null && matrix.status === 'failed' && (
          <LoadError message={`Could not read where each model is: ${matrix.error.message}`} retry={() => void loadMatrix()} />
        )}
        {several && matrix.value === null && matrix.status !== 'failed' && (
          <p role="status" className="muted">
            <span className="spinner" aria-hidden="true" /> Asking each host which models it has…
          </p>
        )}
        {several && matrix.value !== null && (
          <>
            {matrix.status === 'failed' && <p className="field-error hosts-page__stale" role="alert">Could not refresh: {matrix.error.message} What is shown may be out of date.</p>}
            <HostsMatrix matrix={matrix.value} hosts={hosts} />
          </>
        )}
      </div>
      <PlanDialog />
    </section>
  );
}

function NoOtherHosts() {
  const navigate = useAppStore((s) => s.navigate);
  return (
    <section className="empty-state" aria-labelledby="hosts-empty-title" data-testid="hosts-empty">
      <h2 id="hosts-empty-title">Only one host so far</h2>
      <p>Add a host in Settings to deploy to another machine: a GPU box, a server, a CI runner. This page then shows every model on every host, and makes a host match the registry in one step.</p>
      <div className="empty-state__actions">
        <button type="button" className="button button--primary" data-testid="hosts-empty-add" onClick={() => navigate('settings')}>
          Add a host in Settings
        </button>
      </div>
    </section>
  );
}

function LoadError({ message, retry }: { message: string; retry(): void }) {
  return (
    <div className="inline-alert" role="alert">
      <span>{message}</span>
      <button type="button" className="button button--small" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
