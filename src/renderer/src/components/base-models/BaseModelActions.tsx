import type { Job } from '../../../../shared/jobs';
import { isActive } from '../../models/job-format';
import { useLoadMenuItems } from '../running/LoadModelButton';
import { selectReadOnly } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { MenuButton, type MenuItem } from '../common/MenuButton';
import { useOllamaGate } from '../common/use-ollama-gate';
import type { BaseModelView } from '../../store/base-model-selectors';

interface BaseModelActionsProps {
  view: BaseModelView;
  /** The latest job about this model (a pull or a delete), if any. */
  job: Job | null;
  online: boolean;
  onDelete(): void;
  onRemove(): void;
}

/** A pull that ended without success, whatever the reason. */
export function pullEndedBadly(job: Job | null): job is Job {
  return job !== null && job.kind === 'pull' && (job.state === 'failed' || job.state === 'cancelled' || job.state === 'interrupted');
}

/**
 * A pull that ended without success leaves its bytes with Ollama: pulling again resumes it. Not
 * when the model was not found: nothing was downloaded, and the same name would fail again.
 */
export function canResumePull(job: Job | null): boolean {
  return pullEndedBadly(job) && job.errorKind !== 'not_found';
}

/** Pull, Cancel or Resume where the row's state calls for it; the rest in a menu. */
export function BaseModelActions({ view, job, online, onDelete, onRemove }: BaseModelActionsProps) {
  const pullModel = useAppStore((s) => s.pullModel);
  const cancelJob = useAppStore((s) => s.cancelJob);
  const readOnly = useAppStore(selectReadOnly);
  const title = view.entry.display_name.trim() || view.name;
  const loadItems = useLoadMenuItems(view.name, view.inOllama === true);
  const active = job !== null && isActive(job) ? job : null;
  const gate = useOllamaGate();

  let primary = null;
  if (active?.kind === 'pull') {
    primary = (
      <button type="button" className="button button--small" data-testid="base-cancel" onClick={() => void cancelJob(active.id)}>
        Cancel pull
      </button>
    );
  } else if (active?.kind === 'delete') {
    primary = (
      <span className="base-actions__busy" data-testid="base-deleting">
        <span className="spinner" aria-hidden="true" /> Deleting…
      </span>
    );
  } else if (view.inOllama === false) {
    const resume = canResumePull(job);
    primary = (
      <button
        type="button"
        className="button button--small button--primary"
        data-testid={resume ? 'base-resume' : 'base-pull'}
        disabled={!online || gate.blocked}
        title={gate.reason ?? (resume ? 'Pull again; Ollama continues from the bytes it already has' : `Download ${view.name} into Ollama`)}
        aria-describedby={gate.describedBy}
        onClick={() => void pullModel(view.name)}
      >
        {resume ? 'Resume pull' : 'Pull'}
      </button>
    );
  }

  const busy = active !== null;
  const items: MenuItem[] = [
    ...(view.inOllama ? loadItems : []),
    ...(view.inOllama
      ? [
          { id: 'update', label: 'Pull again (update)', onSelect: () => void pullModel(view.name), disabled: !online || busy },
          { id: 'delete', label: 'Delete from Ollama…', onSelect: onDelete, disabled: !online || busy },
        ]
      : []),
    { id: 'remove', label: 'Remove from list…', onSelect: onRemove, disabled: readOnly || busy },
  ];

  return (
    <div className="base-actions">
      {primary}
      {gate.note}
      <MenuButton label={`Actions for ${title}`} items={items} {...(readOnly ? { note: 'Read-only until model_settings.json is fixed.' } : {})} />
    </div>
  );
}
