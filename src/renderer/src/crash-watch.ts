import { errorReportOf, type ErrorReport } from '../../shared/error-report';

/**
 * The page's last net: an error nothing caught, or a promise rejection nothing handled, goes to
 * `report` (the app's log and its one dialog). Returns the undo.
 */
export function watchPageErrors(win: Window, report: (report: ErrorReport) => void): () => void {
  const onError = (event: ErrorEvent) => {
    const source = event.filename ? `${event.filename}:${event.lineno}:${event.colno}` : null;
    report(errorReportOf('error', event.error ?? event.message, source));
  };
  const onRejection = (event: PromiseRejectionEvent) => report(errorReportOf('unhandledrejection', event.reason));
  win.addEventListener('error', onError);
  win.addEventListener('unhandledrejection', onRejection);
  return () => {
    win.removeEventListener('error', onError);
    win.removeEventListener('unhandledrejection', onRejection);
  };
}
