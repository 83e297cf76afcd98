/**
 * The headless server's last net. Every request and every piece of background work catches its
 * own errors; anything that still escapes is a bug, logged with its stack. The server keeps
 * serving: one failed request or reply must not end the others (nor the user's open jobs).
 */

interface ProcessEvents {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function installLastResortHandlers(log: (line: string) => void, proc: ProcessEvents = process): void {
  proc.on('unhandledRejection', (reason) => log(`[bug] an unhandled promise rejection (the server keeps running): ${describe(reason)}`));
  proc.on('uncaughtException', (error) => log(`[bug] an uncaught exception (the server keeps running): ${describe(error)}`));
}
