import { useAppStore } from '../../store/store-context';
import { ConfirmDialog } from '../common/ConfirmDialog';

/** Forgetting a host: Modelwright stops deploying there; the models on it stay. */
export function RemoveHostDialog({ name, onClose }: { name: string; onClose(): void }) {
  const removeHost = useAppStore((s) => s.removeHost);
  return (
    <ConfirmDialog title={`Remove ${name}?`} tone="warning" testId="remove-host-dialog" confirmLabel="Remove host" destructive onConfirm={() => removeHost(name)} onClose={onClose}>
      <p>Modelwright stops showing and deploying to {name}, and forgets its token.</p>
      <p className="muted">The models on {name} stay there: nothing is deleted from the host. Add it again any time.</p>
    </ConfirmDialog>
  );
}
