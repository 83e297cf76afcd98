import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readOpenRegistry, sameRead, sameStamp, stampOf, type FileStamp, type RegistryText } from './read-file';

/**
 * The registry's own atomic writer (conf's, through `atomically`, cannot check the file between
 * its fsync and its rename). Like conf it never leaves a partial file: the text goes to a temporary
 * file next to the registry, is flushed, and replaces the registry by rename; the folder is
 * flushed after. Unlike conf it replaces only the version it was told to expect, checked on the
 * open file immediately before the rename, because a text editor saves without taking our lock.
 */

export type WriteOutcome =
  /** On disk, durably. */
  | { kind: 'written' }
  /** The file was not `expected` any more: nothing was written, the temporary file is gone. */
  | { kind: 'changed' }
  /**
   * Written, but a program had the replaced file open and saved into it, in place, between the
   * check and the rename: `text` is what it saved, which now lives nowhere else.
   */
  | { kind: 'orphaned'; text: string };

/** Test seams: run at the two points where another program's save is most dangerous. */
export interface AtomicWriteHooks {
  beforeCheck?: () => void;
  afterRename?: () => void;
}

export interface AtomicWriteOptions {
  hooks?: AtomicWriteHooks;
  /** How long an in-place save landing on the replaced file is given to finish. */
  settleMs?: number;
  settleTries?: number;
}

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
    fs.renameSync(tmp, file);
    renamed = true;
    options.hooks?.afterRename?.();
    fsyncDir(path.dirname(file));
    if (old !== null && before !== null && writtenSince(old, before)) {
      return { kind: 'orphaned', text: await settledText(old, options) };
    }
    return { kind: 'written' };
  } finally {
    if (old !== null) fs.closeSync(old);
    if (!renamed) fs.rmSync(tmp, { force: true });
  }
}

/**
 * Content changed on the replaced file: its size or modification time. Not its change time, which
 * the rename itself moves (the file lost its name).
 */
function writtenSince(fd: number, before: FileStamp): boolean {
  const now = fs.fstatSync(fd);
  return now.size !== before.size || now.mtimeMs !== before.mtimeMs;
}

/** Reads the replaced file once it has stopped changing (its writer may be halfway through). */
async function settledText(fd: number, options: AtomicWriteOptions): Promise<string> {
  const delay = options.settleMs ?? 50;
  let last: FileStamp = stampOf(fs.fstatSync(fd));
  for (let i = 0; i < (options.settleTries ?? 10); i++) {
    await new Promise<void>((resolve) => setTimeout(resolve, delay));
    const now = stampOf(fs.fstatSync(fd));
    if (sameStamp(now, last)) break;
    last = now;
  }
  const read = readOpenRegistry(fd);
  return read.kind === 'text' ? read.text : '';
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
