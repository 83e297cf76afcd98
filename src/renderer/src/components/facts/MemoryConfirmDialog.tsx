import { useAppStore } from '../../store/store-context';
import { Dialog } from '../common/Dialog';

/** Asked before a load or a preload that, by the estimate, will not fit in the free memory the user gave. */
export function MemoryConfirmDialog() {
  const pending = useAppStore((s) => s.memoryConfirm);
  const answer = useAppStore((s) => s.answerMemoryConfirm);
  if (!pending) return null;
  return (
    <Dialog
      title={`${pending.model} will not fit in memory`}
      tone="warning"
      testId="memory-confirm"
      onCancel={() => answer(false)}
      actions={
        <>
          <button type="button" className="button" data-autofocus onClick={() => answer(false)}>
            Cancel
          </button>
          <button type="button" className="button button--primary" data-testid="memory-confirm-go" onClick={() => answer(true)}>
            {pending.action} anyway
          </button>
        </>
      }
    >
      <p>{pending.message}</p>
    </Dialog>
  );
}
