import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import electronLog from 'electron-log/node';

/**
 * The desktop app's log: `main.log` in the app's log folder (Electron's `logs` path), rotated by
 * electron-log at `maxBytes` into `main.old.log`, so at most about twice that is kept. Main's
 * console output goes there too (and still to the terminal in development).
 *
 * electron-log's Node logger, not `electron-log/main`: the main one registers IPC channels of
 * its own (`__ELECTRON_LOG__`) that answer any frame without the sender check every contract
 * call has, and can inject a preload. Renderer errors come through the contract instead.
 * Nothing is sent anywhere: the remote and IPC transports are off.
 */

export const LOG_FILE_NAME = 'main.log';
/** 1 MiB a file: weeks of ordinary use, and small enough to attach to an issue by hand. */
export const DEFAULT_LOG_MAX_BYTES = 1024 * 1024;

type Write = (...data: unknown[]) => void;

export interface AppLog {
  folder: string;
  file: string;
  error: Write;
  warn: Write;
  info: Write;
  /** Routes console.* of this process into the log (the terminal still gets it). */
  captureConsole(target?: Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'>): void;
}

export function openAppLog(folder: string, options: { maxBytes?: number; console?: boolean } = {}): AppLog {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, LOG_FILE_NAME);
  // Its own instance: the default one is shared with any other user of electron-log in the process.
  const logger = electronLog.create({ logId: 'modelwright-main' });
  const transports = logger.transports;
  transports.file.resolvePathFn = () => file;
  transports.file.maxSize = options.maxBytes ?? DEFAULT_LOG_MAX_BYTES;
  // Paths, model names and errors are the user's business: the file is theirs alone.
  transports.file.writeOptions = { ...transports.file.writeOptions, mode: 0o600 };
  transports.console.level = options.console === false ? false : 'info';
  if (transports.remote) transports.remote.level = false;
  if (transports.ipc) transports.ipc.level = false;

  return {
    folder,
    file,
    error: (...data) => logger.error(...data),
    warn: (...data) => logger.warn(...data),
    info: (...data) => logger.info(...data),
    captureConsole(target = console) {
      Object.assign(target, {
        log: logger.functions.log,
        info: logger.functions.info,
        warn: logger.functions.warn,
        error: logger.functions.error,
        debug: logger.functions.debug,
      });
    },
  };
}
