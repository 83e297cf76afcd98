import { z } from 'zod';

/**
 * An error the page could not handle, sent to main for the app's log (never anywhere else). Sizes
 * are capped: a page in an error loop, or an error carrying a huge message, cannot fill the disk.
 * The page trims to these limits before sending; anything longer is refused at the boundary.
 */
export const ERROR_REPORT_LIMITS = { message: 2_000, stack: 16_000, source: 1_000 } as const;

export const errorReportSchema = z.strictObject({
  kind: z.enum(['error', 'unhandledrejection']),
  message: z.string().max(ERROR_REPORT_LIMITS.message),
  stack: z.string().max(ERROR_REPORT_LIMITS.stack).nullable().default(null),
  /** Where it was thrown (`file:line:column`), when the browser says. */
  source: z.string().max(ERROR_REPORT_LIMITS.source).nullable().default(null),
});
export type ErrorReport = z.output<typeof errorReportSchema>;
export type ErrorReportInput = z.input<typeof errorReportSchema>;

export const errorReportOutcomeSchema = z.object({
  /** False when too many reports came in a short time: the log got a count instead. */
  logged: z.boolean(),
  /** The folder holding the log file (desktop); null where the log is the server's output. */
  logFolder: z.string().nullable(),
});
export type ErrorReportOutcome = z.infer<typeof errorReportOutcomeSchema>;

/** Cuts a text to `max` characters, saying that it did. */
export function clip(text: string, max: number): string {
  const marker = '… (cut)';
  return text.length <= max ? text : text.slice(0, max - marker.length) + marker;
}

/** A report from whatever a page's `error` or `unhandledrejection` event carried, within the limits. */
export function errorReportOf(kind: ErrorReport['kind'], reason: unknown, source: string | null = null): ErrorReport {
  const error = reason instanceof Error ? reason : null;
  const message = error ? `${error.name}: ${error.message}` : typeof reason === 'string' ? reason : safeString(reason);
  return {
    kind,
    message: clip(message, ERROR_REPORT_LIMITS.message),
    stack: error?.stack ? clip(error.stack, ERROR_REPORT_LIMITS.stack) : null,
    source: source === null ? null : clip(source, ERROR_REPORT_LIMITS.source),
  };
}

function safeString(value: unknown): string {
  try {
    return value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
  } catch {
    return Object.prototype.toString.call(value);
  }
}
