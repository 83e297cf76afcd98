import fs from 'node:fs';
import { REGISTRY_LIMITS } from '../../shared/registry-limits';

/** What is on disk: the text, no file, or a file too large to read into memory at all. */
export type RegistryText = { kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'too_large'; bytes: number };

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
    const { size } = fs.fstatSync(fd);
    // A byte-order mark and a little slack: the parser applies the exact limit to the text.
    if (size > maxBytes + 4) return { kind: 'too_large', bytes: size };
    return { kind: 'text', text: fs.readFileSync(fd, 'utf8') };
  } finally {
    fs.closeSync(fd);
  }
}

/** The same text, or both missing. */
export function sameRead(a: RegistryText, b: RegistryText): boolean {
  if (a.kind === 'text' && b.kind === 'text') return a.text === b.text;
  if (a.kind === 'too_large' && b.kind === 'too_large') return a.bytes === b.bytes;
  return a.kind === b.kind;
}

/**
 * How long a file that fails to parse right after a change is given to settle: an editor that
 * saves in place truncates the file and then writes it, and a reader can land in between. Only a
 * file still invalid after these waits is declared invalid (and copied aside).
 */
export interface SettleOptions {
  tries: number;
  delayMs: number;
}

export const DEFAULT_SETTLE: SettleOptions = { tries: 10, delayMs: 50 };
