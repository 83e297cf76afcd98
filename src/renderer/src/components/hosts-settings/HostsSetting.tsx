import { useRef, useState } from 'react';
import type { HostView } from '../../../../shared/hosts/host-config';
import { selectHosts } from '../../store/hosts-selectors';
import { useAppStore } from '../../store/store-context';
import { HostConnection } from './HostConnection';
import { HostDialog } from './HostDialog';
import { RemoveHostDialog } from './RemoveHostDialog';

type Open = { kind: 'add' } | { kind: 'edit'; host: HostView } | { kind: 'remove'; name: string } | null;

/** Settings → Hosts: the Ollama hosts Modelwright deploys to, each with its connection; add, edit, remove, make primary. */
export function HostsSetting() {
  const hosts = useAppStore(selectHosts);
  const loaded = useAppStore((s) => s.hosts !== null);
  const error = useAppStore((s) => s.hostsError);
  const loadHosts = useAppStore((s) => s.loadHosts);
  const setPrimary = useAppStore((s) => s.setPrimaryHost);
  const notifyError = useAppStore((s) => s.notifyError);
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const makePrimary = async (name: string) => {
    setBusy(name);
    const result = await setPrimary(name);
    setBusy(null);
    if (!result.ok) notifyError(`Could not make ${name} the primary host`, result.error, `host-primary:${name}`);
  };

  if (!loaded) {
    return error ? (
      <p className="field-error" role="alert">
        The hosts could not be read: {error.message}{' '}
        <button type="button" className="button button--small" onClick={() => void loadHosts()}>
          Try again
        </button>
      </p>
    ) : (
      <p className="muted" role="status">
        Reading the hosts…
      </p>
    );
  }

  return (
    <div className="hosts-setting" data-testid="hosts-setting">
      <p className="field-hint">
        The primary host is the one the Models page shows and chats with. Deploy a model to the others from its menu or the Hosts page.
      </p>
      <ul ref={listRef} className="host-list" aria-label="Hosts">
        {hosts.map((host) => (
          <li key={host.name} className="host-row" data-testid="host-row" data-host={host.name}>
            <div className="host-row__title">
              <span className="host-row__name">{host.name}</span>
              {host.primary && <span className="primary-badge">Primary</span>}
            </div>
            <div className="host-row__facts">
              <span className="host-row__url mono">{host.effectiveUrl}</span>
              {host.hasToken && <span data-testid="host-token-set">Token set</span>}
              <HostConnection host={host} />
            </div>
            <div className="host-row__actions">
              <button type="button" className="button button--small" aria-label={`Edit ${host.name}`} onClick={() => setOpen({ kind: 'edit', host })}>
                Edit…
              </button>
              {!host.primary && (
                <>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Make ${host.name} the primary host`}
                    disabled={busy !== null}
                    aria-busy={busy === host.name}
                    onClick={() => void makePrimary(host.name)}
                  >
                    Make primary
                  </button>
                  <button type="button" className="button button--small" aria-label={`Remove ${host.name}`} onClick={() => setOpen({ kind: 'remove', name: host.name })}>
                    Remove…
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      <div>
        <button type="button" className="button" data-testid="add-host" onClick={() => setOpen({ kind: 'add' })}>
          Add a host…
        </button>
      </div>
      {open?.kind === 'add' && <HostDialog host={null} onClose={() => setOpen(null)} />}
      {open?.kind === 'edit' && <HostDialog key={open.host.name} host={open.host} onClose={() => setOpen(null)} />}
      {open?.kind === 'remove' && <RemoveHostDialog name={open.name} onClose={() => setOpen(null)} />}
    </div>
  );
}
