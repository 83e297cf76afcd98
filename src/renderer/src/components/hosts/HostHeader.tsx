import type { Matrix } from '../../../../shared/deploy/plan-schema';
import type { HostView } from '../../../../shared/hosts/host-config';
import { useAppStore } from '../../store/store-context';
import { MenuButton } from '../common/MenuButton';

type MatrixHost = Matrix['hosts'][number];

/** A host's column head: its name, whether it is the primary, and whether it answers (and why not). */
export function HostHeader({ host, view }: { host: MatrixHost; view: HostView | undefined }) {
  const openPlan = useAppStore((s) => s.openPlan);
  const navigate = useAppStore((s) => s.navigate);
  const online = host.status === 'online';
  const reason = host.message ?? view?.connection.message ?? 'it does not answer';
  const state =
    host.status === 'online'
      ? view?.connection.version
        ? `Online · Ollama ${view.connection.version}`
        : 'Online'
      : host.status === 'unknown'
        ? 'Checking…'
        : `Offline: ${reason}`;
  return (
    <div role="columnheader" className="host-head" data-testid="host-header" data-host={host.name} data-online={online || undefined} data-status={host.status}>
      <div className="host-head__top">
        <span className="host-head__name" title={view?.effectiveUrl ?? host.name}>
          {host.name}
        </span>
        {host.primary && <span className="primary-badge">Primary</span>}
        <MenuButton
          label={`Host ${host.name}`}
          items={[
            { id: 'plan', label: `Plan for ${host.name}…`, onSelect: () => void openPlan({ host: host.name, prune: false }) },
            { id: 'settings', label: 'Edit in Settings', onSelect: () => navigate('settings') },
          ]}
        />
      </div>
      <span className="host-head__state" data-testid="host-state" title={state}>
        <span className={`conn-dot conn-dot--${online ? 'ok' : host.status === 'unknown' ? 'unknown' : 'bad'}`} aria-hidden="true" />
        <span className="host-head__state-text">{state}</span>
      </span>
    </div>
  );
}
