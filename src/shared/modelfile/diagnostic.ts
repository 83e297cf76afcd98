import type { Span } from './span';

export type Severity = 'error' | 'warning' | 'info';

/** What a finding is about, so callers and tests need not match message text. */
export type DiagnosticCode =
  // parse errors, as Ollama's parser reports them
  | 'invalid-command'
  | 'invalid-role'
  | 'unexpected-eof'
  | 'no-from'
  // what Ollama rejects after parsing
  | 'unknown-parameter'
  | 'empty-parameter-name'
  | 'invalid-value'
  | 'invalid-requires'
  | 'missing-path'
  | 'no-weights'
  | 'same-path'
  | 'unresolvable-path'
  | 'invalid-model-name'
  // what a user wants to know
  | 'deprecated-parameter'
  | 'unknown-base-model'
  | 'unbalanced-template'
  | 'repeated-command'
  | 'empty-value'
  | 'imprecise-number';

/** A finding with its place in the text, for the editor to underline. */
export interface Diagnostic extends Span {
  severity: Severity;
  code: DiagnosticCode;
  /** Ollama's own wording where Ollama has one. */
  message: string;
  /** What to do about it, in plain words. */
  hint?: string;
  /** Text that fixes it when it replaces the span (a misspelt parameter's likely name). */
  fix?: string;
}

/** Every error this module reports: a diagnostic of severity `error`, always positioned. */
export type ModelfileError = Diagnostic & { severity: 'error' };

export function diagnostic(
  severity: Severity,
  code: DiagnosticCode,
  at: Span,
  message: string,
  hint?: string,
): Diagnostic {
  const { line, column, endLine, endColumn, from, to } = at;
  const base = { severity, code, message, line, column, endLine, endColumn, from, to };
  return hint === undefined ? base : { ...base, hint };
}

export function modelfileError(code: DiagnosticCode, at: Span, message: string, hint?: string): ModelfileError {
  return { ...diagnostic('error', code, at, message, hint), severity: 'error' };
}
