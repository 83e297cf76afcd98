import { useId, useState, type FormEvent } from 'react';
import type { Settings } from '../../../../shared/contract';
import { OLLAMA_TIMEOUT_LIMITS, type OllamaTimeoutName, type OllamaTimeoutSettings } from '../../../../shared/ollama-timeouts';
import { useAppStore } from '../../store/store-context';

/**
 * The time limits for Ollama, in seconds. The stall limit is the one people change: how long
 * Ollama may send nothing during a create, pull, chat or upload before the app gives up on it.
 */

const FIELDS: Array<{ name: OllamaTimeoutName; label: string; hint: string }> = [
  {
    name: 'stallSeconds',
    label: 'Ollama stall timeout',
    hint: 'Give up a create, pull, chat or upload after this long without a byte from Ollama. Raise it for large models on slow hardware.',
  },
  { name: 'connectSeconds', label: 'Connect timeout', hint: 'Limit for opening a connection to Ollama.' },
  { name: 'callSeconds', label: 'Quick call timeout', hint: 'Limit for quick calls such as the model list.' },
];

type Draft = Record<OllamaTimeoutName, string>;

function draftOf(values: OllamaTimeoutSettings): Draft {
  return { stallSeconds: String(values.stallSeconds), connectSeconds: String(values.connectSeconds), callSeconds: String(values.callSeconds) };
}

/** The draft as numbers, or the first field that is not a number in range. */
function parse(draft: Draft): { ok: true; value: OllamaTimeoutSettings } | { ok: false; error: string } {
  const value: Partial<OllamaTimeoutSettings> = {};
  for (const { name, label } of FIELDS) {
    const { min, max } = OLLAMA_TIMEOUT_LIMITS[name];
    const seconds = Number(draft[name]);
    if (draft[name].trim() === '' || !Number.isFinite(seconds) || seconds < min || seconds > max) {
      return { ok: false, error: `${label} must be a number of seconds from ${min} to ${max}.` };
    }
    value[name] = seconds;
  }
  return { ok: true, value: value as OllamaTimeoutSettings };
}

function TimeoutsForm({ settings, onSaved }: { settings: Settings; onSaved(saved: boolean): void }) {
  const updateSettings = useAppStore((s) => s.updateSettings);
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings.ollamaTimeouts));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parse(draft);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setSaving(true);
    const result = await updateSettings({ ollamaTimeouts: parsed.value });
    setSaving(false);
    setError(result.ok ? null : result.error.message);
    onSaved(result.ok);
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate data-testid="ollama-timeouts">
      {FIELDS.map(({ name, label, hint }) => (
        <div className="form-row" key={name}>
          <label htmlFor={`${id}-${name}`}>{label}</label>
          <div className="form-row__control">
            <input
              id={`${id}-${name}`}
              type="number"
              inputMode="decimal"
              min={OLLAMA_TIMEOUT_LIMITS[name].min}
              max={OLLAMA_TIMEOUT_LIMITS[name].max}
              step="any"
              value={draft[name]}
              aria-describedby={`${id}-${name}-hint`}
              onChange={(event) => {
                setDraft({ ...draft, [name]: event.target.value });
                setError(null);
                onSaved(false);
              }}
            />
            <span className="muted">seconds</span>
          </div>
          <p id={`${id}-${name}-hint`} className="field-hint">
            {hint} Default {OLLAMA_TIMEOUT_LIMITS[name].default} s.
          </p>
        </div>
      ))}
      <div className="form-row">
        <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving}>
          Save time limits
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert" data-testid="timeouts-error">
          {error}
        </p>
      )}
    </form>
  );
}

export function OllamaTimeoutsSetting() {
  const settings = useAppStore((s) => s.settings);
  const [saved, setSaved] = useState(false);
  if (!settings) return null;
  return (
    <>
      {/* Keyed on the stored values, so a change saved elsewhere resets the draft. */}
      <TimeoutsForm key={JSON.stringify(settings.ollamaTimeouts)} settings={settings} onSaved={setSaved} />
      {saved && (
        <p className="field-success" role="status">
          Saved. New requests to Ollama use these limits.
        </p>
      )}
    </>
  );
}
