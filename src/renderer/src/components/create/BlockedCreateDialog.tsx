import type { Diagnostic } from '../../../../shared/modelfile';
import { useAppStore } from '../../store/store-context';
import { Dialog } from '../common/Dialog';

interface BlockedCreateDialogProps {
  name: string;
  title: string;
  message: string;
  errors: Diagnostic[];
}

/** Creating is refused while the Modelfile has errors: each one with its place, and a way there. */
export function BlockedCreateDialog({ name, title, message, errors }: BlockedCreateDialogProps) {
  const cancel = useAppStore((s) => s.cancelCreate);
  const reveal = useAppStore((s) => s.revealInModelfile);
  const openModel = useAppStore((s) => s.openModel);
  const first = errors[0];
  const goTo = (line: number, column: number) => {
    cancel();
    reveal(name, line, column);
  };
  return (
    <Dialog
      title={`${title} cannot be created yet`}
      tone="danger"
      testId="create-blocked"
      onCancel={cancel}
      actions={
        <>
          <button type="button" className="button" onClick={cancel}>
            Close
          </button>
          <button
            type="button"
            className="button button--primary"
            data-autofocus
            onClick={() => {
              if (first) goTo(first.line, first.column);
              else {
                cancel();
                openModel(name, 'modelfile');
              }
            }}
          >
            Open Modelfile
          </button>
        </>
      }
    >
      <p>{message}</p>
      {errors.length > 0 && (
        <ul className="problem-list" aria-label="Errors">
          {errors.map((error) => (
            <li key={`${error.from}:${error.code}`} data-testid="create-blocked-error" data-line={error.line}>
              <button type="button" className="problem-list__item" onClick={() => goTo(error.line, error.column)}>
                <span className="problem-list__where">
                  Line {error.line}, column {error.column}
                </span>
                <span className="problem-list__message">{error.message}</span>
                {error.hint && <span className="problem-list__hint">{error.hint}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
