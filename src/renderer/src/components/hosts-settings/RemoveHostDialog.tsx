import { useState } from 'react';
import type { AppError } from '../../../../shared/errors';
import { useAppStore } from '../../store/store-context';
import { Dialog } from '../common/Dialog';

/** Forgetting a host: Modelwright stops deploying there; the models on it stay. */
export function RemoveHostDialog({ name, onClose }: { name: string; onClose(): void }) {
  const removeHost = useAppStore((s) => s.removeHost);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  return (
    <Dialog
      title={`Remove ${name}?`}
      tone="warning"
      testId="remove-host-dialog"
      onCancel={onClose}
      actions={
        <>
          <button type="button" className="button" data-autofocus onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--danger"
            data-testid="remove-host-confirm"
            disabled={busy}
            aria-busy={busy}
            onClick={async () => {
              setBusy(true);
              const result = await removeHost(name);
              setBusy(false);
              if (result.ok) onClose();
              else setError(result.error);
            }}
          >
            Remove host
          </button>
        </>
      }
    >
      <p>Modelwright stops showing and deploying to {name}, and forgets its token.</p>
      <p className="muted">The models on {name} stay there: nothing is deleted from the host. Add it again any time.</p>
      {error && (
        <p className="field-error" role="alert" data-testid="remove-host-error">
          {error.message}
        </p>
      )}
    </Dialog>
  );
}
