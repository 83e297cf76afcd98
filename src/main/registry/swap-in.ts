import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileStamp } from './read-file';

/**
 * Puts a finished temporary file at the registry's name so that a file another program renames
 * there at the same moment (an editor's "atomic save") is caught, not dropped. POSIX has no
 * rename that fails when the name changed since it was last looked at: `rename(tmp, file)` right
 * after a look at the name silently unlinks what an editor renamed there between the two system
 * calls, with its edit (3 editor keys in 1,761 on a loaded machine). Instead:
 *
 *   1. rename(file, aside): what is at the name now moves aside, atomically, and is kept;
 *   2. link(tmp, file): ours takes the name only if it is still free (EEXIST otherwise).
 *
 * What went aside is then compared with the file that was checked: another file is another
 * program's save, handed back to be merged. If the name was taken again between 1 and 2, ours
 * is not written and the caller starts over from what is there. The price: for the two system
 * calls between 1 and 2 the name is absent, and a program reading just then finds no file. A
 * store that finds the name absent puts the file aside back first (`restoreAside`, a link that
 * never replaces anything), which also repairs the name after a crash between the two steps.
 * Windows cannot rename a file that another program holds open, nor is this needed there in the
 * same way: it keeps the plain rename.
 */

export type SwapOutcome =
  /** Ours is at the name and replaced the checked file. */
  | { kind: 'swapped' }
  /** Ours is at the name, but what it replaced was another program's save (not the checked file): its text. */
  | { kind: 'caught'; text: string }
  /** Another program put a file at the name meanwhile: ours is not there, the temporary file is left to the caller. */
  | { kind: 'changed' };

/** Test seam: runs between moving the old file aside and linking ours in, when the name is absent. */
export interface SwapHooks {
  nameAbsent?: () => void;
}

const ASIDE_MARK = '.replaced-';

/** `<registry>.replaced-<hex>`: the folder watcher and the Modelfile guard treat it as the registry's own file. */
function asidePathFor(file: string): string {
  return `${file}${ASIDE_MARK}${crypto.randomBytes(6).toString('hex')}`;
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/** Replaces `file` (checked as `checked`, or absent when null) with `tmp`. On `swapped` or `caught`, `tmp` is gone. */
export function swapIn(file: string, tmp: string, checked: FileStamp | null, hooks: SwapHooks = {}): SwapOutcome {
  if (process.platform === 'win32') {
    fs.renameSync(tmp, file);
    return { kind: 'swapped' };
  }
  if (checked === null) return linkIn(tmp, file) ? { kind: 'swapped' } : { kind: 'changed' };

  const aside = asidePathFor(file);
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    // The file left the name since the look: another program is at work; start over.
    if (code(error) === 'ENOENT') return { kind: 'changed' };
    throw error;
  }
  hooks.nameAbsent?.();
  let landed: boolean;
  try {
    landed = linkIn(tmp, file);
  } catch (error) {
    putBack(aside, file);
    throw error;
  }
  let moved: fs.Stats | null = null;
  try {
    moved = fs.statSync(aside);
  } catch (error) {
    // A reader found the name absent and put this file back (restoreAside): ours did not land.
    if (code(error) !== 'ENOENT') throw error;
  }
  if (!landed) {
    // The name was taken again in between: what is there now is newer than what went aside, and
    // the caller redoes its change on it. (Two saves by another program within these two system
    // calls keep its second, as they would have without us.)
    if (moved !== null) fs.rmSync(aside, { force: true });
    return { kind: 'changed' };
  }
  // The checked file is the same inode: changes written into it are the caller's to find on its open descriptor.
  const other = moved !== null && moved.ino !== checked.ino;
  const text = other ? fs.readFileSync(aside, 'utf8') : null;
  fs.rmSync(aside, { force: true });
  return text === null ? { kind: 'swapped' } : { kind: 'caught', text };
}

/** Links `tmp` at `file` if the name is free, then drops the temporary name. False when the name was taken. */
function linkIn(tmp: string, file: string): boolean {
  try {
    fs.linkSync(tmp, file);
  } catch (error) {
    if (code(error) === 'EEXIST') return false;
    throw error;
  }
  fs.rmSync(tmp, { force: true });
  return true;
}

/** After a failed link: the file aside goes back to the name unless another file is there by now. */
function putBack(aside: string, file: string): void {
  try {
    fs.linkSync(aside, file);
    fs.rmSync(aside, { force: true });
  } catch {
    // Another file took the name (it is newer), or the folder failed: the aside copy stays for restoreAside.
  }
}

/**
 * When the registry's name is absent but a file moved aside by `swapIn` exists (a writer is
 * between its two steps, or died there), puts the newest such file back at the name, without
 * replacing anything that took the name meanwhile. True when it put one back.
 */
export function restoreAside(file: string): boolean {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}${ASIDE_MARK}`;
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((name) => name.startsWith(prefix));
  } catch {
    return false;
  }
  const candidates = names
    .map((name) => {
      try {
        return { at: path.join(dir, name), mtimeMs: fs.statSync(path.join(dir, name)).mtimeMs };
      } catch {
        return null;
      }
    })
    .filter((entry) => entry !== null)
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  const newest = candidates[0];
  if (!newest) return false;
  try {
    fs.linkSync(newest.at, file);
  } catch {
    // The name was taken meanwhile (the writer finished), or the file aside is gone: nothing to put back.
    return false;
  }
  fs.rmSync(newest.at, { force: true });
  return true;
}
