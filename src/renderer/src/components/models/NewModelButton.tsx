import { selectReadOnly } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';

/** Opens the "New model" dialog (Models header and the empty workspace). */
export function NewModelButton({ primary = false }: { primary?: boolean }) {
  const open = useAppStore((s) => s.openModelOpsDialog);
  const readOnly = useAppStore(selectReadOnly);
  return (
    <button
      type="button"
      className={primary ? 'button button--primary' : 'button'}
      disabled={readOnly}
      data-testid="new-model"
      onClick={() => open({ kind: 'new-model' })}
    >
      New model
    </button>
  );
}
