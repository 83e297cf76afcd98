/**
 * Main's last net, desktop edition: an uncaught exception or unhandled rejection is logged with
 * its stack (every time) and shown once as a dialog that says where the log is. The app keeps
 * running, as the headless server does; nothing is sent anywhere. No Electron import: the dialog
 * and the folder opener are passed in.
 */

export interface CrashDialogOptions {
  type: 'error';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: boolean;
}

export interface CrashReportDeps {
  log(entry: string): void;
  logFile: string;
  showDialog(options: CrashDialogOptions): Promise<{ response: number }>;
  openLogFolder(): void;
}

interface ProcessEvents {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

export function crashDialogOptions(logFile: string): CrashDialogOptions {
  return {
    type: 'error',
    title: 'Modelwright',
    message: 'Modelwright ran into an error it did not expect',
    detail:
      `It keeps running; if something looks wrong, quit and start it again.\n\n` +
      `What happened is written to the log:\n${logFile}\n\nNothing was sent anywhere.`,
    buttons: ['Open Log Folder', 'OK'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

/** Returns the reporter (for other sources, such as a renderer process that died). */
export function installCrashReports(deps: CrashReportDeps, proc: ProcessEvents = process): (what: string, error: unknown) => void {
  let shown = false;
  const report = (what: string, error: unknown): void => {
    try {
      deps.log(`[bug] ${what} (the app keeps running): ${describe(error)}`);
    } catch {
      // A log that cannot be written must not turn one error into a loop of them.
    }
    if (shown) return;
    shown = true;
    void deps
      .showDialog(crashDialogOptions(deps.logFile))
      .then(({ response }) => {
        if (response === 0) deps.openLogFolder();
      })
      .catch(() => undefined);
  };
  proc.on('uncaughtException', (error) => report('an uncaught exception', error));
  proc.on('unhandledRejection', (reason) => report('an unhandled promise rejection', reason));
  return report;
}
