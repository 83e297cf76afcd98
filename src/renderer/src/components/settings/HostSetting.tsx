import { useId, useState, type FormEvent } from 'react';
import type { Settings } from '../../../../shared/contract';
import type { AppError } from '../../../../shared/errors';
import { useAppStore } from '../../store/store-context';

function errorText(error: AppError): string {
  const issues = error.issues ?? [];
  // The server's field messages are clearer than its summary line when it has them.
  return issues.length > 0 ? issues.map((issue) => issue.message).join('; ') : error.message;
}

function HostForm({ settings, onSaved }: { settings: Settings; onSaved(host: string): void }) {
  const updateSettings = useAppStore((s) => s.updateSettings);
  const [draft, setDraft] = useState(settings.ollamaHost ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const result = await updateSettings({ ollamaHost: draft });
    setSaving(false);
    if (result.ok) {
      setError(null);
      onSaved(result.value.effectiveHost);
    } else {
      setError(errorText(result.error));
    }
  };

  return (
    <form className="form-row" onSubmit={(event) => void onSubmit(event)} noValidate>
      <label htmlFor={`${id}-host`}>Ollama host</label>
      <div className="form-row__control">
        <input
          id={`${id}-host`}
          type="text"
          inputMode="url"
          spellCheck={false}
          autoComplete="off"
          placeholder={settings.effectiveHost}
          value={draft}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          onChange={(event) => {
            setDraft(event.target.value);
            setError(null);
          }}
        />
        <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving}>
          Save
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert" data-testid="host-error">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="field-hint">
          Leave empty to use <code>OLLAMA_HOST</code> or the default. Now using <code>{settings.effectiveHost}</code>.
        </p>
      )}
    </form>
  );
}

export function HostSetting() {
  const settings = useAppStore((s) => s.settings);
  const refreshSettings = useAppStore((s) => s.refreshSettings);
  const [saved, setSaved] = useState<string | null>(null);
  if (!settings) {
    return (
      <p className="field-error">
        The settings could not be loaded.{' '}
        <button type="button" className="button button--small" onClick={() => void refreshSettings()}>
          Try again
        </button>
      </p>
    );
  }
  return (
    <>
      {/* Keyed on the stored value, so a change saved elsewhere resets the draft. */}
      <HostForm key={settings.ollamaHost ?? ''} settings={settings} onSaved={setSaved} />
      {saved && (
        <p className="field-success" role="status">
          Saved. Modelwright now talks to Ollama at <code>{saved}</code>.
        </p>
      )}
    </>
  );
}
