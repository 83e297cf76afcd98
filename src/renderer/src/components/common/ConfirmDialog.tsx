import { useState, type ReactNode } from 'react';
import type { AppError } from '../../../../shared/errors';
import type { ActionResult } from '../../store/action-result';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  title: string;
  tone: 'warning' | 'danger';
  testId: string;
  /** What the confirm button says ("Remove host"); while it works the button is busy and disabled. */
  confirmLabel: string;
  /** The confirm button in the danger colour: what it does cannot be undone in the app. */
  destructive?: boolean;
  onConfirm(): Promise<ActionResult<unknown>>;
  onClose(): void;
  /** What will happen, in words. */
  children: ReactNode;
}

/**
 * A yes/no question before one action: Cancel has the focus (the safe answer), the action runs
 * once, the dialog closes when it succeeded and says why in place when it did not.
 */
export function ConfirmDialog({ title, tone, testId, confirmLabel, destructive = false, onConfirm, onClose, children }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const confirm = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await onConfirm();
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error);
  };
  return (
    <Dialog
      title={title}
      tone={tone}
      testId={testId}
      onCancel={onClose}
      actions={
        <>
          <button type="button" className="button" data-autofocus onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className={destructive ? 'button button--danger' : 'button button--primary'}
            data-testid={`${testId.replace(/-dialog$/, '')}-confirm`}
            disabled={busy}
            aria-busy={busy}
            onClick={() => void confirm()}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {error && (
        <p className="field-error" role="alert" data-testid={`${testId.replace(/-dialog$/, '')}-error`}>
          {error.message}
        </p>
      )}
    </Dialog>
  );
}
