import { useId, useState } from 'react';
import { restartVerdict } from '../../../../shared/update-policy';
import { useAppStore } from '../../store/store-context';
import { Dialog } from '../common/Dialog';

/** "Restart to update", refused with the reason while a job would be cut short. */
function RestartButton({ primary = false }: { primary?: boolean }) {
  const jobs = useAppStore((s) => s.jobs);
  const restartToUpdate = useAppStore((s) => s.restartToUpdate);
  const [busy, setBusy] = useState(false);
  const reasonId = useId();
  const verdict = restartVerdict(Object.values(jobs));
  const blocked = !verdict.allowed || busy;
  // aria-disabled rather than disabled: the button stays focusable and its tooltip shows, so the reason can be read.
  return (
    <>
      <button
        type="button"
        className={`button button--small${primary ? ' button--primary' : ''}`}
        data-testid="update-restart"
        aria-disabled={blocked}
        aria-describedby={verdict.allowed ? undefined : reasonId}
        title={verdict.allowed ? 'Quit, install the new version and start it' : verdict.reason}
        onClick={() => {
          if (blocked) return;
          setBusy(true);
          void restartToUpdate().finally(() => setBusy(false));
        }}
      >
        Restart to update
      </button>
      {!verdict.allowed && (
        <span id={reasonId} className="visually-hidden">
          {verdict.reason}
        </span>
      )}
    </>
  );
}

/** In the status bar once a new version is downloaded: its notes and the restart into it. */
export function UpdateNotice() {
  const state = useAppStore((s) => s.updates?.state);
  const [open, setOpen] = useState(false);
  if (state?.kind !== 'ready') return null;
  return (
    <span className="status-bar__item status-bar__update" data-testid="update-notice">
      <button type="button" className="link-button" data-testid="update-notes-open" onClick={() => setOpen(true)}>
        Modelwright {state.version} is ready
      </button>
      <RestartButton />
      {open && (
        <Dialog
          title={`What’s new in Modelwright ${state.version}`}
          testId="update-notes"
          onCancel={() => setOpen(false)}
          actions={
            <>
              <button type="button" className="button" data-autofocus onClick={() => setOpen(false)}>
                Later
              </button>
              <RestartButton primary />
            </>
          }
        >
          <p className="update-notes__text" data-testid="update-notes-text">
            {state.notes || 'This release came without notes.'}
          </p>
          <p className="field-hint">It was downloaded in the background; it is installed when you restart, or the next time you quit Modelwright.</p>
        </Dialog>
      )}
    </span>
  );
}
