import type { ReactNode } from 'react';

interface FormFieldProps {
  id: string;
  /** The field's name, for its error's test id (`name-error`). */
  name: string;
  label: string;
  /** Shown under the control when there is no error. */
  hint?: ReactNode;
  error?: string | null | undefined;
  children: ReactNode;
}

/** A labelled control with its hint or its error (`${id}-hint`, `${id}-error` for aria-describedby). */
export function FormField({ id, name, label, hint, error, children }: FormFieldProps) {
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="field-error" data-testid={`${name}-error`}>
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

/** The aria-describedby of a control inside FormField. */
export function describedBy(id: string, error: string | null | undefined, hasHint = true): string | undefined {
  if (error) return `${id}-error`;
  return hasHint ? `${id}-hint` : undefined;
}
