import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { AppError } from '../../shared/errors';

/**
 * The cross-process lock every registry write holds: the desktop app, `serve` and the command
 * line may all have the same workspace open. proper-lockfile makes `<registry>.lock` (a folder,
 * created atomically with mkdir) and keeps touching it while held; a lock left by a process that
 * died is taken over once it has not been touched for `staleMs`.
 */

export interface RegistryLockOptions {
  /** How long a writer waits for another program to finish before giving up (default 5 s). */
  waitMs?: number;
  /** A lock untouched this long belongs to a dead process (proper-lockfile's minimum is 2 s). */
  staleMs?: number;
  log?: (message: string) => void;
}

export const DEFAULT_LOCK_WAIT_MS = 5000;
export const DEFAULT_LOCK_STALE_MS = 4000;

/** The lock folder's name, so the folder watcher and listings can tell it from the registry. */
export function lockPathFor(registryPath: string): string {
  return `${registryPath}.lock`;
}

/**
 * One path per file whatever way the workspace was reached (a symlinked folder, a symlinked
 * registry), so two programs that opened it differently still exclude each other.
 */
function canonicalPath(registryPath: string): string {
  try {
    return fs.realpathSync(registryPath);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(registryPath)), path.basename(registryPath));
    } catch {
      return registryPath;
    }
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits for the lock; resolves with its release. Fails with a `busy` AppError after `waitMs`. */
export async function acquireRegistryLock(registryPath: string, options: RegistryLockOptions = {}): Promise<() => Promise<void>> {
  const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  const staleMs = Math.max(2000, options.staleMs ?? DEFAULT_LOCK_STALE_MS);
  const log = options.log ?? (() => {});
  const file = canonicalPath(registryPath);
  const deadline = Date.now() + waitMs;
  let compromised = false;
  for (let attempt = 0; ; attempt++) {
    try {
      // The synchronous form: an uncontended write then needs no I/O round trip through the event
      // loop (retries are this loop's, with jittered waits).
      const release = lockfile.lockSync(file, {
        realpath: false,
        stale: staleMs,
        // The default throws from a timer, which would end the process.
        onCompromised: (error) => {
          compromised = true;
          log(`the registry lock was taken over while held (${error.message}); another program may have written meanwhile`);
        },
      });
      return async () => {
        if (compromised) return;
        try {
          release();
        } catch (error) {
          log(`could not release the registry lock: ${String(error)}`);
        }
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ELOCKED') throw error;
      if (Date.now() >= deadline) throw busyError(registryPath, waitMs);
      // Short, jittered waits: writes take milliseconds, and two waiters should not stay in step.
      await sleep(Math.min(5 + Math.random() * 10 * Math.min(attempt + 1, 5), Math.max(1, deadline - Date.now())));
    }
  }
}

function busyError(registryPath: string, waitMs: number): AppError {
  const seconds = Math.round(waitMs / 100) / 10;
  return new AppError(
    'busy',
    `Another program is writing the registry ${registryPath} and did not finish within ${seconds} s. Nothing was changed; try again in a moment.`,
  );
}
