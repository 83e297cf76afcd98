import type { ModelEntry } from '../../../../shared/registry';
import { PRIMARY_ACTION_LABELS, type PrimaryAction } from '../../models/build-state';
import { useAppStore } from '../../store/store-context';
import { useOllamaGate } from '../common/use-ollama-gate';

interface ModelPrimaryActionProps {
  model: ModelEntry;
  action: PrimaryAction | null;
  readOnly: boolean;
  /** Cards use the small size; the detail header the normal one. */
  small?: boolean;
  /** Replaces the plain create request (the detail saves unsaved Modelfile edits first). */
  onCreate?: () => void;
}

/** Create, Rebuild or Retry: every path goes through the same checks (errors, missing base) first. */
export function ModelPrimaryAction({ model, action, readOnly, small = true, onCreate }: ModelPrimaryActionProps) {
  const requestCreate = useAppStore((s) => s.requestCreate);
  const checking = useAppStore((s) => s.createFlow?.step === 'checking' && s.createFlow.name === model.name);
  const tooOld = useAppStore((s) => s.sync?.connection.status === 'online' && !s.sync.connection.canCreate);
  const gate = useOllamaGate();
  if (!action) return null;
  const why = readOnly
    ? 'Read-only until model_settings.json is fixed'
    : (gate.reason ?? (tooOld ? 'This Ollama is too old to create models from the app; update Ollama' : undefined));
  return (
    <>
      <button
        type="button"
        className={`button ${small ? 'button--small ' : ''}${action === 'rebuild' ? '' : 'button--primary'} primary-action`}
        data-testid="model-primary-action"
        data-action={action}
        disabled={why !== undefined || checking}
        aria-busy={checking}
        title={why}
        aria-describedby={gate.describedBy}
        onClick={() => (onCreate ? onCreate() : void requestCreate(model.name))}
      >
        {checking && <span className="spinner" aria-hidden="true" />}
        {PRIMARY_ACTION_LABELS[action]}
      </button>
      {gate.note}
    </>
  );
}
