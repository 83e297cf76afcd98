import { useAppStore } from '../../store/store-context';
import { ConfirmDialog } from '../common/ConfirmDialog';

/** Taking a base off the registry's list only: Ollama keeps the model, the models keep their base_model. */
export function RemoveBaseModelDialog({ name, dependents, onClose }: { name: string; dependents: number; onClose(): void }) {
  const removeBaseModel = useAppStore((s) => s.removeBaseModel);
  return (
    <ConfirmDialog title={`Remove ${name} from the list?`} tone="warning" testId="remove-base-dialog" confirmLabel="Remove from list" onConfirm={() => removeBaseModel(name)} onClose={onClose}>
      <p>
        Only the entry in <code>base_models</code> goes: Ollama keeps the model, and nothing is deleted from disk.
      </p>
      {dependents > 0 && (
        <p className="muted">
          {dependents === 1 ? 'One model still names' : `${dependents} models still name`} it as their base; they will show it under “Used by your models but not listed”.
        </p>
      )}
    </ConfirmDialog>
  );
}
