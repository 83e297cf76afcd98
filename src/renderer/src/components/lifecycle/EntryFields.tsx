import type { ReactNode } from 'react';
import { describedBy, FormField } from './FormField';

/** The fields every model dialog asks for, so New model, New version, Adopt and Rename stay alike. */

interface EntryFieldProps {
  id: string;
  value: string;
  error: string | null | undefined;
  testId?: string;
  autoFocus?: boolean;
  onChange(value: string): void;
}

interface ModelNameFieldProps extends EntryFieldProps {
  /** The input field it reports errors for (`name`, or `newName` for a rename). */
  name?: string;
  label?: string;
  hint: ReactNode;
  placeholder?: string;
}

export function ModelNameField({ id, name = 'name', label = 'Ollama name', hint, placeholder, value, error, testId, onChange }: ModelNameFieldProps) {
  return (
    <FormField id={id} name={name} label={label} error={error} hint={hint}>
      <input
        id={id}
        type="text"
        className="mono"
        spellCheck={false}
        autoComplete="off"
        placeholder={placeholder}
        data-autofocus
        value={value}
        aria-invalid={!!error}
        aria-describedby={describedBy(id, error)}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
      />
    </FormField>
  );
}

export function DisplayNameField({ id, value, error, testId, autoFocus, onChange }: EntryFieldProps) {
  return (
    <FormField id={id} name="display_name" label="Display name" error={error}>
      <input
        id={id}
        type="text"
        data-autofocus={autoFocus || undefined}
        value={value}
        aria-invalid={!!error}
        aria-describedby={describedBy(id, error, false)}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
      />
    </FormField>
  );
}

export function DescriptionField({ id, value, error, testId, onChange }: EntryFieldProps) {
  return (
    <FormField id={id} name="description" label="Description" error={error}>
      <textarea id={id} rows={2} value={value} data-testid={testId} onChange={(event) => onChange(event.target.value)} />
    </FormField>
  );
}
