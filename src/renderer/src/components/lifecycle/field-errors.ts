import type { AppError } from '../../../../shared/errors';

export interface FormErrors {
  /** Messages for the fields the form has, by field name. */
  fields: Record<string, string>;
  /** What does not belong to one field (Ollama's reason, a read-only registry). */
  general: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, general: null };

/** Splits a server error into messages beside the fields it names and one for the rest. */
export function formErrorsOf(error: AppError, fieldNames: readonly string[]): FormErrors {
  const fields: Record<string, string> = {};
  for (const issue of error.issues ?? []) {
    // Issues may be prefixed by the input's wrapper (`entry.name`): the last segment is the field.
    const name = fieldNames.find((f) => issue.path === f || issue.path.endsWith(`.${f}`));
    if (name && !fields[name]) fields[name] = issue.message;
  }
  const placed = Object.keys(fields).length > 0;
  return { fields, general: placed && error.kind === 'validation' ? null : error.message };
}

/** The errors once the user changed `field`: its message and the general one go. */
export function withoutField(errors: FormErrors, field: string): FormErrors {
  if (!(field in errors.fields) && errors.general === null) return errors;
  const fields = { ...errors.fields };
  delete fields[field];
  return { fields, general: null };
}
