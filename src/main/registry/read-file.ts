import fs from 'node:fs';
import { REGISTRY_LIMITS } from '../../shared/registry-limits';
import { restoreAside } from './swap-in';

/** Which version of a file this is, cheaply: a save in place changes size or times, a rename the inode. */
export interface FileStamp {
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

export function stampOf(stat: fs.Stats): FileStamp {
  return { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs };
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

/**
 * What is on disk: the text, no file, or a file too large to read into memory at all. A text whose
 * file changed while it was read (another program writing in place) is not `settled`: it may mix
 * two versions, so it is read again before it counts.
 */
export type RegistryText =
  | { kind: 'text'; text: string; stamp?: FileStamp; settled?: boolean }
  | { kind: 'missing' }
  | { kind: 'too_large'; bytes: number };

/**
 * Reads the registry file, refusing to load a huge one: its size is checked on the open file
 * first, so a multi-gigabyte file is reported, not read. Other read errors are thrown.
 */
export function readRegistryText(file: string, maxBytes: number = REGISTRY_LIMITS.maxFileBytes): RegistryText {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  try {
    return readOpenRegistry(fd, maxBytes);
  } finally {
    fs.closeSync(fd);
  }
}

/** The same; absent while a writer has the old file aside for an instant (or died then), that file goes back first. */
export function readRegistryOrAside(file: string): RegistryText {
  const read = readRegistryText(file);
  return read.kind === 'missing' && restoreAside(file) ? readRegistryText(file) : read;
}

/** The same from an open file, read from its start. */
export function readOpenRegistry(fd: number, maxBytes: number = REGISTRY_LIMITS.maxFileBytes): RegistryText {
  const before = stampOf(fs.fstatSync(fd));
  // A byte-order mark and a little slack: the parser applies the exact limit to the text.
  if (before.size > maxBytes + 4) return { kind: 'too_large', bytes: before.size };
  const bytes = readAll(fd, before.size);
  const after = stampOf(fs.fstatSync(fd));
  const settled = sameStamp(before, after) && bytes.length === after.size;
  return { kind: 'text', text: bytes.toString('utf8'), stamp: after, settled };
}

/** Reads from offset 0 whatever the file position, until the end (the file may have grown). */
function readAll(fd: number, sizeHint: number): Buffer {
  const chunks: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.max(sizeHint - offset, 64 * 1024));
    const n = fs.readSync(fd, chunk, 0, chunk.length, offset);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    offset += n;
  }
  return Buffer.concat(chunks);
}

/** The same text, or both missing. */
export function sameRead(a: RegistryText, b: RegistryText): boolean {
  if (a.kind === 'text' && b.kind === 'text') return a.text === b.text;
  if (a.kind === 'too_large' && b.kind === 'too_large') return a.bytes === b.bytes;
  return a.kind === b.kind;
}
