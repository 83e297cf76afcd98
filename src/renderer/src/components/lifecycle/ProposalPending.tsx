import { useEffect, useState } from 'react';
import type { AppError } from '../../../../shared/errors';
import type { ActionResult } from '../../store/action-result';
import { Dialog } from '../common/Dialog';

/** Asks the server for a dialog's starting values once per subject; a late answer is ignored. */
export function useProposal<T>(propose: (subject: string) => Promise<ActionResult<T>>, subject: string) {
  const [proposal, setProposal] = useState<T | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  useEffect(() => {
    let live = true;
    void propose(subject).then((result) => {
      if (!live) return;
      if (result.ok) setProposal(result.value);
      else setLoadError(result.error);
    });
    return () => {
      live = false;
    };
  }, [subject, propose]);
  return { proposal, loadError };
}

interface ProposalPendingProps {
  title: string;
  testId: string;
  /** What is being asked, shown with a spinner until the answer comes. */
  pendingText: string;
  loadError: AppError | null;
  onClose(): void;
}

/** The dialog shown while the proposal loads, or why it could not be made. */
export function ProposalPending({ title, testId, pendingText, loadError, onClose }: ProposalPendingProps) {
  return (
    <Dialog
      title={title}
      testId={testId}
      onCancel={onClose}
      actions={
        <button type="button" className="button" onClick={onClose}>
          {loadError ? 'Close' : 'Cancel'}
        </button>
      }
    >
      {loadError ? (
        <p className="field-error" role="alert">
          {loadError.message}
        </p>
      ) : (
        <p role="status" className="muted">
          <span className="spinner" aria-hidden="true" /> {pendingText}
        </p>
      )}
    </Dialog>
  );
}
