import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/store-context';

/** Settings › Updates: the one setting that turns the daily check off. */
export function UpdatesSetting() {
  const updates = useAppStore((s) => s.updates);
  const loadUpdates = useAppStore((s) => s.loadUpdates);
  const setUpdatesEnabled = useAppStore((s) => s.setUpdatesEnabled);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (updates === null) void loadUpdates();
  }, [updates, loadUpdates]);

  if (updates === null) return <p className="muted">Reading the update setting…</p>;
  if (updates.inactiveReason) {
    return (
      <p className="field-hint" data-testid="updates-inactive">
        {updates.inactiveReason}
      </p>
    );
  }
  return (
    <div data-testid="updates-setting">
      <label className="chat-toggle">
        <input
          type="checkbox"
          data-testid="updates-toggle"
          checked={updates.enabled}
          disabled={busy}
          onChange={(event) => {
            setBusy(true);
            void setUpdatesEnabled(event.target.checked).then((result) => {
              setBusy(false);
              setError(result.ok ? null : result.error.message);
            });
          }}
        />
        Check for new versions
      </label>
      <p className="field-hint">
        At start and once a day, Modelwright asks its GitHub releases for a newer version and downloads it in the background; the status bar
        then offers “Restart to update”. Nothing else is sent. Off: it never asks.
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
