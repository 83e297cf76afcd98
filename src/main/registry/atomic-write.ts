import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readOpenRegistry, sameRead, sameStamp, stampOf, type FileStamp, type RegistryText } from './read-file';
import { swapIn } from './swap-in';

/**
 * The registry's own atomic writer (conf's, through `atomically`, cannot check the file between
 * its fsync and its rename). Like conf it never leaves a partial file: the text goes to a temporary
 * file next to the registry, is flushed, and replaces the registry (see swap-in.ts); the folder is
 * flushed after. Unlike conf it replaces only the version it was told to expect, checked on the
 * open file immediately before the rename, because a text editor saves without taking our lock,
 * and what it replaces is kept until seen to be that version.
 */

export type WriteOutcome =
  /** On disk, durably. */
  | { kind: 'written' }
  /** The file was not `expected` any more: nothing was written, the temporary file is gone. */
  | { kind: 'changed' }
  /**
   * Written, but what ours replaced holds another program's save made after the check: saved in
   * place into the replaced file, or renamed to the name just before ours. `text` is that save,
   * which now lives nowhere else.
   */
  | { kind: 'orphaned'; text: string };

/** Test seams: run at the two points where another program's save is most dangerous. */
export interface AtomicWriteHooks {
  beforeCheck?: () => void;
  /** After the content was compared, before the last look at the name and the rename. */
  afterCheck?: () => void;
  /** After the last look at the name, right before the old file is moved aside. */
  beforeRename?: () => void;
  /** While the old file is aside and ours not yet at the name (see swap-in.ts). */
  nameAbsent?: () => void;
  afterRename?: () => void;
}

export interface AtomicWriteOptions {
  hooks?: AtomicWriteHooks;
  /** How long an in-place save landing on the replaced file is given to finish. */
  settleMs?: number;
  /** At most this long in all (a save still not valid JSON by then is taken as it is). */
  settleMaxMs?: number;
  /**
   * Called with what a program saved into the replaced file after this write returned: it had
   * opened the file before the rename and wrote into it later. The replaced file is watched for
   * that at the times of `lateSaveChecksMs` (from the rename), then let go.
   */
  onLateSave?: (text: string) => void;
  lateSaveChecksMs?: readonly number[];
}

/**
 * When the replaced file is looked at again after a write: an editor that opened it just before
 * the rename writes into it a moment later (longer on a loaded machine). Bounded: each write holds
 * the old file open for at most the last of these.
 */
export const LATE_SAVE_CHECKS_MS = [50, 250, 1000, 2000] as const;

/** Temporary files are `<registry>.tmp-<hex>`: the folder watcher ignores them by name. */
export function temporaryPathFor(file: string): string {
  return `${file}.tmp-${crypto.randomBytes(6).toString('hex')}`;
}

export async function writeIfUnchanged(registryPath: string, text: string, expected: RegistryText, options: AtomicWriteOptions = {}): Promise<WriteOutcome> {
  // A symlinked registry stays a symlink: its target is what gets replaced (as conf did).
  const file = realTarget(registryPath);
  const tmp = temporaryPathFor(file);
  let renamed = false;
  let old: number | null = null;
  try {
    writeDurably(tmp, text, modeOf(file));
    options.hooks?.beforeCheck?.();
    // The check and the rename run back to back, with nothing awaited between them.
    old = openOrNull(file);
    const before = old === null ? null : stampOf(fs.fstatSync(old));
    const current: RegistryText = old === null ? { kind: 'missing' } : readOpenRegistry(old);
    if (!sameRead(current, expected) || (current.kind === 'text' && current.settled === false)) return { kind: 'changed' };
    options.hooks?.afterCheck?.();
    // Reading and comparing a large file takes a while: an editor saving by rename meanwhile put
    // another file at the name, which our rename would silently drop. One look at the name, right
    // before the rename, narrows that to two system calls.
    if (!stillTheChecked(file, old, before)) return { kind: 'changed' };
    options.hooks?.beforeRename?.();
    // An editor's rename after that look is caught by the swap, not renamed over.
    const swapped = swapIn(file, tmp, before, options.hooks?.nameAbsent ? { nameAbsent: options.hooks.nameAbsent } : {});
    if (swapped.kind === 'changed') return { kind: 'changed' };
    renamed = true;
    options.hooks?.afterRename?.();
    fsyncDir(path.dirname(file));
    if (swapped.kind === 'caught') return { kind: 'orphaned', text: swapped.text };
    if (old !== null && before !== null && writtenSince(old, before)) {
      return { kind: 'orphaned', text: await settledText(old, options) };
    }
    if (old !== null && before !== null && options.onLateSave) {
      watchReplaced(old, before, options.onLateSave, options);
      old = null;
    }
    return { kind: 'written' };
  } finally {
    if (old !== null) fs.closeSync(old);
    if (!renamed) fs.rmSync(tmp, { force: true });
  }
}

/** Keeps the replaced file open for a moment; a save into it then is read and handed on. Closes it. */
function watchReplaced(fd: number, before: FileStamp, onLateSave: (text: string) => void, options: AtomicWriteOptions): void {
  const checks = options.lateSaveChecksMs ?? LATE_SAVE_CHECKS_MS;
  const started = Date.now();
  const next = (i: number): void => {
    if (i >= checks.length) {
      fs.closeSync(fd);
      return;
    }
    const timer = setTimeout(() => {
      let written: boolean;
      try {
        written = writtenSince(fd, before);
      } catch {
        fs.closeSync(fd);
        return;
      }
      if (!written) return next(i + 1);
      void settledText(fd, options)
        .then((text) => onLateSave(text))
        .catch(() => undefined)
        .finally(() => fs.closeSync(fd));
    }, Math.max(0, checks[i]! - (Date.now() - started)));
    // Never keeps a program alive.
    timer.unref();
  };
  next(0);
}

/** The name still leads to the file that was checked, unchanged (or still to no file). */
function stillTheChecked(file: string, old: number | null, before: FileStamp | null): boolean {
  let atName: fs.Stats;
  try {
    atName = fs.statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return old === null;
    throw error;
  }
  if (old === null || before === null) return false;
  return sameStamp(stampOf(atName), before);
}

/**
 * Content changed on the replaced file: its size or modification time. Not its change time, which
 * the rename itself moves (the file lost its name).
 */
function writtenSince(fd: number, before: FileStamp): boolean {
  const now = fs.fstatSync(fd);
  return now.size !== before.size || now.mtimeMs !== before.mtimeMs;
}

/**
 * Reads the replaced file once its writer is done: it has stopped changing and holds valid JSON.
 * An editor saving in place truncates and writes in pieces, and on a loaded machine it may pause
 * between them for longer than one wait; only the overall limit ends the wait on an invalid text.
 */
async function settledText(fd: number, options: AtomicWriteOptions): Promise<string> {
  const delay = options.settleMs ?? 50;
  const deadline = Date.now() + (options.settleMaxMs ?? 1500);
  let last: FileStamp = stampOf(fs.fstatSync(fd));
  for (;;) {
    await new Promise<void>((resolve) => setTimeout(resolve, delay));
    const now = stampOf(fs.fstatSync(fd));
    const stable = sameStamp(now, last);
    last = now;
    if (stable || Date.now() >= deadline) {
      const read = readOpenRegistry(fd);
      const text = read.kind === 'text' ? read.text : '';
      if ((stable && read.kind === 'text' && read.settled !== false && isJson(text)) || Date.now() >= deadline) return text;
    }
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
    return true;
  } catch {
    return false;
  }
}

function writeDurably(file: string, text: string, mode: number | undefined): void {
  // 'wx': never follow or reuse something already at the temporary name.
  const fd = fs.openSync(file, 'wx', mode ?? 0o666);
  try {
    if (mode !== undefined) fs.fchmodSync(fd, mode);
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function realTarget(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/** Keep the registry's permissions across writes; a new file gets the usual defaults. */
function modeOf(file: string): number | undefined {
  try {
    return fs.statSync(file).mode & 0o7777;
  } catch {
    return undefined;
  }
}

function openOrNull(file: string): number | null {
  try {
    return fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Makes the rename itself durable. Some platforms (Windows) cannot open a folder: skipped there. */
function fsyncDir(dir: string): void {
  let fd: number;
  try {
    fd = fs.openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch {
    // EISDIR/EPERM on some file systems: the rename is still atomic, only less durable.
  } finally {
    fs.closeSync(fd);
  }
}
