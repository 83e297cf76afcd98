import { z } from 'zod';

/**
 * Errors that cross a boundary carry a kind the UI can act on, a message that says what is wrong
 * and what to do, and for validation the path of each bad field.
 */
export const ERROR_KINDS = [
  'validation', // the input is wrong: fix it
  'not_found', // the thing named does not exist
  'conflict', // it exists already, or another job holds it
  'read_only', // the registry file is invalid; fix it on disk first
  'busy', // another program holds the registry for writing: try again shortly
  'offline', // Ollama cannot be reached
  'ollama', // Ollama answered with an error: its message is kept
  'stalled', // Ollama took the request, then stopped answering (it is reachable, not offline)
  'forbidden',
  'cancelled',
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export const fieldIssueSchema = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const appErrorDataSchema = z.object({
  kind: z.enum(ERROR_KINDS),
  message: z.string(),
  issues: z.array(fieldIssueSchema).optional(),
});
export type AppErrorData = z.infer<typeof appErrorDataSchema>;

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
  }

  toData(): AppErrorData {
    return this.issues ? { kind: this.kind, message: this.message, issues: this.issues } : { kind: this.kind, message: this.message };
  }

  static from(data: AppErrorData): AppError {
    return new AppError(data.kind, data.message, data.issues);
  }
}

/** `models["a"].display_name` style path, as a user reads it. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out || '(root)';
}

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
}

/** A validation AppError naming each bad field: `input.name: Too small …`. */
export function validationError(what: string, error: z.ZodError): AppError {
  const issues = issuesOf(error);
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return new AppError('validation', `Invalid ${what}: ${summary}`, issues);
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return validationError('data', error);
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('internal', message || 'Unexpected error');
}
