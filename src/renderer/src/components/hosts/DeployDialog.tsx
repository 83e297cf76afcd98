import { useRef } from 'react';
import type { HostView } from '../../../../shared/hosts/host-config';
import { ownValue } from '../../../../shared/own-key';
import { canDeploy, cellView } from '../../models/host-cell';
import { displayNameOf } from '../../models/model-labels';
import { selectCellJob, selectHosts, selectMatrixRow } from '../../store/hosts-selectors';
import { useAppStore } from '../../store/store-context';
import { Dialog } from '../common/Dialog';
import { CellChip } from './CellChip';

/** "Deploy to…" from a model's card or page: each host with the model's state there, and a Deploy button. */
export function DeployDialog() {
  const open = useAppStore((s) => s.deployDialog);
  if (!open) return null;
  return <DeployDialogView key={open.model} model={open.model} />;
}

function DeployDialogView({ model }: { model: string }) {
  const entry = useAppStore((s) => ownValue(s.snapshot?.registry.models, model));
  const hosts = useAppStore(selectHosts);
  const matrix = useAppStore((s) => s.matrix);
  const close = useAppStore((s) => s.closeDeployDialog);
  const closeRef = useRef<HTMLButtonElement>(null);
  const title = entry ? displayNameOf(entry) : model;
  return (
    <Dialog
      title={`Deploy ${title}`}
      testId="deploy-dialog"
      onCancel={close}
      actions={
        <button ref={closeRef} type="button" className="button" onClick={close}>
          Close
        </button>
      }
    >
      <p>
        Builds <span className="mono">{model}</span> on a host with the same request as everywhere else; the host fetches the base model itself when it needs it.
      </p>
      {matrix.value === null && matrix.status === 'failed' && (
        <p className="field-error" role="alert">
          Could not read each host’s state: {matrix.error.message} You can still deploy.
        </p>
      )}
      {matrix.value === null && matrix.status !== 'failed' && (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> Asking each host…
        </p>
      )}
      <ul className="deploy-hosts" aria-label="Hosts">
        {hosts.map((host) => (
          <DeployHostRow key={host.name} model={model} host={host} known={matrix.value !== null} onStarted={() => closeRef.current?.focus()} />
        ))}
      </ul>
    </Dialog>
  );
}

function DeployHostRow({ model, host, known, onStarted }: { model: string; host: HostView; known: boolean; onStarted(): void }) {
  const row = useAppStore(selectMatrixRow(model));
  const cell = row?.cells[host.name];
  const job = useAppStore(selectCellJob(model, host.name, cell));
  const deploy = useAppStore((s) => s.deployVersion);
  const readOnly = useAppStore((s) => s.snapshot?.readOnly ?? false);
  const offline = host.connection.status === 'offline' || host.connection.status === 'error';
  const view = cellView(cell ?? (offline ? { state: 'offline', digest: null, deployedAt: null, jobId: null, percent: null, detail: host.connection.message } : undefined), job);
  const allowed = !readOnly && canDeploy(view.state);
  return (
    <li className="deploy-host" data-testid="deploy-host" data-host={host.name}>
      <span className="deploy-host__name">
        {host.name}
        {host.primary && <span className="primary-badge">Primary</span>}
      </span>
      {(known || cell || offline || job) && <CellChip view={view} what={`${model} on ${host.name}`} />}
      <button
        type="button"
        className="button button--small"
        disabled={!allowed}
        title={allowed ? undefined : view.title}
        onClick={async () => {
          const result = await deploy(model, host.name);
          if (result.ok) onStarted();
        }}
      >
        Deploy to {host.name}
      </button>
    </li>
  );
}
