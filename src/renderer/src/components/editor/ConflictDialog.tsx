import type { DocumentConflict } from '../../store/modelfile-slice';
import { useAppStore } from '../../store/store-context';
import { Dialog } from '../common/Dialog';

const EXPLAIN: Record<DocumentConflict, string> = {
  'save-refused': 'was changed by another program since you opened it, so it was not saved.',
  'changed-on-disk': 'was changed by another program while you were editing it.',
  'deleted-on-disk': 'was deleted by another program while you were editing it.',
};

/** The file on disk and the editor disagree: the user decides which one wins. */
export function ConflictDialog({ path, conflict }: { path: string; conflict: DocumentConflict }) {
  const reload = useAppStore((s) => s.reloadDocument);
  const overwrite = useAppStore((s) => s.overwriteDocument);
  const dismiss = useAppStore((s) => s.dismissConflict);
  const deleted = conflict === 'deleted-on-disk';
  return (
    <Dialog
      title={deleted ? 'The file was deleted on disk' : 'The file changed on disk'}
      tone="warning"
      testId="conflict-dialog"
      onCancel={() => dismiss(path)}
      actions={
        <>
          <button type="button" className="button" onClick={() => dismiss(path)}>
            Cancel
          </button>
          <button type="button" className="button" onClick={() => void reload(path)}>
            {deleted ? 'Discard mine' : 'Reload (discard mine)'}
          </button>
          <button type="button" className="button button--primary" data-autofocus onClick={() => void overwrite(path)}>
            {deleted ? 'Save mine' : 'Overwrite (save anyway)'}
          </button>
        </>
      }
    >
      <p>
        <code className="path">{path}</code> {EXPLAIN[conflict]}
      </p>
      <p className="muted">
        Your unsaved changes are still in the editor. Reload to take the file as it is on disk, or overwrite it with your version. Cancel
        keeps editing; the next save asks again.
      </p>
    </Dialog>
  );
}
