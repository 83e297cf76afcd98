import { useId, useState, type ReactNode } from 'react';
import type { ActionResult } from '../../store/action-result';
import { formErrorsOf } from '../lifecycle/field-errors';

interface InlineToggleProps {
  field: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
  hint?: ReactNode;
  save(checked: boolean): Promise<ActionResult<unknown>>;
}

/** A yes/no registry field, saved as soon as it is flipped; a refusal shows under it. */
export function InlineToggle({ field, label, checked, disabled = false, hint, save }: InlineToggleProps) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const onChange = async (next: boolean) => {
    setSaving(true);
    const result = await save(next);
    setSaving(false);
    if (result.ok) setError(null);
    else {
      const errors = formErrorsOf(result.error, [field]);
      setError(errors.fields[field] ?? errors.general);
    }
  };
  return (
    <div className="inline-toggle">
      <label className="choice">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled || saving}
          aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
          data-testid={`field-${field}`}
          onChange={(event) => void onChange(event.target.checked)}
        />
        <span>{label}</span>
      </label>
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
