import { useAppStore } from '../../store/store-context';
import { Dialog } from '../common/Dialog';

/** Shown once, for the page's first uncaught error: what to do, and where the details are. */
export function CrashDialog() {
  const crash = useAppStore((s) => s.crash);
  const desktop = useAppStore((s) => s.appInfo?.mode === 'desktop');
  const dismiss = useAppStore((s) => s.dismissCrash);
  if (!crash) return null;
  return (
    <Dialog
      title="Something went wrong"
      tone="warning"
      testId="crash-dialog"
      onCancel={dismiss}
      actions={
        <button type="button" className="button button--primary" data-autofocus onClick={dismiss}>
          OK
        </button>
      }
    >
      <p>
        Modelwright ran into an error it did not expect. You can keep working; if something looks wrong,{' '}
        {desktop ? 'quit and start it again' : 'reload the page'}.
      </p>
      {crash.logged === 'file' && (
        <p>
          The details were written to the log in <code data-testid="crash-log-folder">{crash.folder}</code> (main.log).
        </p>
      )}
      {crash.logged === 'server' && <p>The details were written to the output of the Modelwright server.</p>}
      {crash.logged === 'nowhere' && <p>The details could not be written to the log.</p>}
      <p>Nothing was sent anywhere.</p>
    </Dialog>
  );
}
