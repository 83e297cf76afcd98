import { useState } from 'react';
import { useAppStore } from '../../store/store-context';
import { Dialog } from '../common/Dialog';

/** Taking a base off the registry's list only: Ollama keeps the model, the models keep their base_model. */
export function RemoveBaseModelDialog({ name, dependents, onClose }: { name: string; dependents: number; onClose(): void }) {
  const removeBaseModel = useAppStore((s) => s.removeBaseModel);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      title={`Remove ${name} from the list?`}
      tone="warning"
      testId="remove-base-dialog"
      onCancel={onClose}
      actions={
        <>
          <button type="button" className="button" data-autofocus onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            data-testid="remove-base-confirm"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              const result = await removeBaseModel(name);
              setBusy(false);
              if (result.ok) onClose();
            }}
          >
            Remove from list
          </button>
        </>
      }
    >
      <p>
        Only the entry in <code>base_models</code> goes: Ollama keeps the model, and nothing is deleted from disk.
      </p>
      {dependents > 0 && (
        <p className="muted">
          {dependents === 1 ? 'One model still names' : `${dependents} models still name`} it as their base; they will show it under “Used by your models but not listed”.
        </p>
      )}
    </Dialog>
  );
}
