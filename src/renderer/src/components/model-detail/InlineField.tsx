import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ActionResult } from '../../store/action-result';
import { formErrorsOf } from '../lifecycle/field-errors';

interface InlineFieldProps {
  /** The registry key it edits, for the server's field errors and test ids. */
  field: string;
  label: string;
  value: string;
  multiline?: boolean;
  mono?: boolean;
  disabled?: boolean;
  hint?: ReactNode;
  /** Checked before saving; a message keeps the draft unsaved. */
  check?: (value: string) => string | null;
  save(value: string): Promise<ActionResult<unknown>>;
}

type SaveState = 'idle' | 'saving' | 'saved';

/**
 * A registry field edited in place: saved when focus leaves it or on Enter (Ctrl/Cmd+Enter in a
 * multi-line field); Esc puts the saved value back. The server's message for the field shows
 * under it, and the draft stays until it is fixed or reverted.
 */
export function InlineField({ field, label, value, multiline = false, mono = false, disabled = false, hint, check, save }: InlineFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState<SaveState>('idle');

  // A change from elsewhere (the file edited on disk, the card menu) replaces an untouched draft.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (draft === seen) setDraft(value);
  }

  useEffect(() => {
    if (state !== 'saved') return;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);

  const commit = async () => {
    if (draft === value || state === 'saving') return;
    const problem = check?.(draft) ?? null;
    if (problem) {
      setError(problem);
      return;
    }
    setState('saving');
    const result = await save(draft);
    if (result.ok) {
      setError(null);
      setState('saved');
    } else {
      const errors = formErrorsOf(result.error, [field]);
      setError(errors.fields[field] ?? errors.general);
      setState('idle');
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Escape' && draft !== value) {
      // Reverting is this key's job here: the detail must not close as well.
      event.preventDefault();
      event.stopPropagation();
      setDraft(value);
      setError(null);
    } else if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void commit();
    }
  };

  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  const common = {
    id,
    value: draft,
    disabled,
    className: mono ? 'mono' : undefined,
    'aria-invalid': error !== null,
    'aria-describedby': describedBy,
    'data-testid': `field-${field}`,
    onKeyDown,
    onBlur: () => void commit(),
  };

  return (
    <div className="inline-field" data-state={state}>
      <label htmlFor={id}>{label}</label>
      <div className="inline-field__control">
        {multiline ? (
          <textarea {...common} rows={3} onChange={(event) => setDraft(event.target.value)} />
        ) : (
          <input {...common} type="text" spellCheck={!mono} autoComplete="off" onChange={(event) => setDraft(event.target.value)} />
        )}
        <span className="inline-field__state" role="status" aria-live="polite">
          {state === 'saving' ? 'Saving…' : state === 'saved' ? 'Saved' : ''}
        </span>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert" data-testid={`field-${field}-error`}>
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
