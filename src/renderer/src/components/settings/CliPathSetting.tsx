import { useState } from 'react';
import type { CliPathOutcome } from '../../../../shared/cli-path';
import { useAppStore } from '../../store/store-context';

/** Settings › Command line: the `modelwright` command of the installed app, put on the PATH with one button. */
export function CliPathSetting() {
  const mode = useAppStore((s) => s.appInfo?.mode ?? null);
  const addCliToPath = useAppStore((s) => s.addCliToPath);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<CliPathOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (mode === 'headless') {
    return (
      <p className="field-hint" data-testid="cli-path-headless">
        This server runs from a copy of Modelwright’s source: there, <code>npx modelwright …</code> (or <code>npm link</code> once) gives the
        command line.
      </p>
    );
  }
  return (
    <div data-testid="cli-path">
      <p className="field-hint">
        <code>modelwright list</code>, <code>status</code>, <code>create</code>, <code>plan</code>, <code>apply</code> and the other commands
        run the app’s own services in a terminal, for scripts and CI.
      </p>
      <button
        type="button"
        className="button"
        data-testid="cli-path-add"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void addCliToPath().then((result) => {
            setBusy(false);
            setOutcome(result.ok ? result.value : null);
            setError(result.ok ? null : result.error.message);
          });
        }}
      >
        Add modelwright to PATH
      </button>
      {outcome && (
        <p className={outcome.done ? 'field-hint' : 'field-error'} role="status" data-testid="cli-path-outcome">
          {outcome.message}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
