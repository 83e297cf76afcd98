import { Dialog } from '../common/Dialog';

interface UnsavedChangesDialogProps {
  path: string;
  saving: boolean;
  onSave(): void;
  onDiscard(): void;
  onCancel(): void;
}

/** Closing a model's detail with unsaved Modelfile edits asks first. */
export function UnsavedChangesDialog({ path, saving, onSave, onDiscard, onCancel }: UnsavedChangesDialogProps) {
  return (
    <Dialog
      title="Save your changes?"
      tone="warning"
      testId="unsaved-dialog"
      onCancel={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onDiscard}>
            Don’t save
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="button button--primary" data-autofocus disabled={saving} onClick={onSave}>
            {saving && <span className="spinner" aria-hidden="true" />}
            Save
          </button>
        </>
      }
    >
      <p>
        <code className="path">{path}</code> has changes that are not saved. They are lost if you don’t save them.
      </p>
    </Dialog>
  );
}
