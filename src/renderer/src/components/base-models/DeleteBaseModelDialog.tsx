import { useState } from 'react';
import { labelOf } from '../../models/model-labels';
import { selectModels } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { Dialog } from '../common/Dialog';

interface DeleteBaseModelDialogProps {
  name: string;
  /** Registry models built on it: listed, and the delete says it goes ahead anyway. */
  dependents: string[];
  onClose(): void;
}

/** Deleting a base from Ollama frees disk space; the models built on it cannot be rebuilt until it is pulled again. */
export function DeleteBaseModelDialog({ name, dependents, onClose }: DeleteBaseModelDialogProps) {
  const deleteBaseModel = useAppStore((s) => s.deleteBaseModel);
  const models = useAppStore(selectModels);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needed = dependents.length > 0;

  const confirm = async () => {
    setBusy(true);
    const result = await deleteBaseModel(name, needed);
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error.message);
  };

  return (
    <Dialog
      title={`Delete ${name} from Ollama?`}
      tone="danger"
      testId="delete-base-dialog"
      onCancel={onClose}
      actions={
        <>
          <button type="button" className="button" data-autofocus onClick={onClose}>
            Keep it
          </button>
          <button type="button" className="button button--danger" data-testid="delete-base-confirm" disabled={busy} aria-busy={busy} onClick={() => void confirm()}>
            {needed ? 'Delete anyway' : 'Delete from Ollama'}
          </button>
        </>
      }
    >
      {needed ? (
        <>
          <p>
            {dependents.length === 1 ? 'This registry model is' : `These ${dependents.length} registry models are`} built on <code>{name}</code>. Models
            Ollama already built keep working, but they cannot be created again until you pull it back:
          </p>
          <ul className="dependents-list" data-testid="delete-base-dependents">
            {dependents.map((model) => (
              <li key={model}>
                {labelOf(models, model)} <span className="mono muted">{model}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>No registry model is built on it.</p>
      )}
      <p className="muted">Ollama removes the model and the files no other model uses. It stays on this list (as missing) until you remove it.</p>
      {error && (
        <p className="field-error" role="alert" data-testid="delete-base-error">
          {error}
        </p>
      )}
    </Dialog>
  );
}
