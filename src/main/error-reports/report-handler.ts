import type { ErrorReport, ErrorReportOutcome } from '../../shared/error-report';
import { reportGate } from './report-gate';

/**
 * `app.reportError`: the page's uncaught errors go to the app's log with their stack (the desktop
 * log file, or the headless server's standard error). Nothing is sent anywhere else.
 */

export interface ErrorReportSink {
  /** One entry of the log; may span lines (the stack). */
  write(entry: string): void;
  /** Where the log file is, for the page's dialog; null when the log is the server's output. */
  folder: string | null;
}

export const REPORTS_PER_MINUTE = 20;

// Terminal escapes and other control characters (tabs and newlines kept): the log is read in
// terminals and editors, and a page's text must not rewrite what they show.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const printable = (text: string) => text.replace(CONTROL, '?');

export function formatErrorReport(report: ErrorReport): string {
  const what = report.kind === 'error' ? 'an uncaught error' : 'an unhandled promise rejection';
  const lines = [`[renderer] ${what}: ${printable(report.message)}`];
  if (report.source) lines.push(`  at ${printable(report.source)}`);
  // A stack usually repeats the message on its first line.
  if (report.stack) lines.push(printable(report.stack.startsWith(report.message) ? report.stack.slice(report.message.length).replace(/^\n/, '') : report.stack));
  return lines.join('\n');
}

export function errorReportHandler(sink: ErrorReportSink, now: () => number = Date.now): (report: ErrorReport) => Promise<ErrorReportOutcome> {
  const gate = reportGate(REPORTS_PER_MINUTE, 60_000);
  return async (report) => {
    const { admitted, dropped } = gate.admit(now());
    if (admitted) {
      if (dropped > 0) sink.write(`[renderer] ${dropped} more errors came too fast to log`);
      sink.write(formatErrorReport(report));
    }
    return { logged: admitted, logFolder: sink.folder };
  };
}
