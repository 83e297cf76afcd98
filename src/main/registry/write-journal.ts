import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify as stringifyLossless } from 'lossless-json';
import { parseJsonExact } from './exact-json';
import type { Change } from './merge-changes';

/**
 * The last few seconds of registry writes by every app on this workspace (desktop, `serve`, the
 * command line), one JSON line each, in a private folder of the user's temporary directory (not in
 * the workspace, which is often a git repository), one file per registry.
 * A text editor that takes no lock can save a version read before app A's write; app B, taking
 * the lock next, may be the first to see that save and write on top of it, and then A cannot tell
 * its write was undone. With the journal B knows A's write, sees the save is older (its
 * `last_updated`), and merges the write back. Only written and trusted under the registry lock;
 * a line that does not parse (a crash mid-write) is skipped.
 */

export interface JournalRecord {
  id: string;
  /** The written version's `last_updated`, in ms. */
  stamp: number;
  /** When it was written (wall clock, ms): old records are dropped. */
  at: number;
  changes: Change[];
}

const KEEP_MS = 10_000;
const KEEP_MAX = 200;

/** The journal of a registry, however its folder was reached; null when no private folder can be had. */
export function journalPathFor(registryPath: string, tmpDir: string = os.tmpdir()): string | null {
  const dir = privateDir(path.join(tmpDir, `modelwright-writes-${process.getuid?.() ?? os.userInfo().username}`));
  if (dir === null) return null;
  let real = registryPath;
  try {
    real = fs.realpathSync(registryPath);
  } catch {
    // Not created yet: its path as given.
  }
  return path.join(dir, `${crypto.createHash('sha256').update(real).digest('hex').slice(0, 32)}.jsonl`);
}

/**
 * A folder only this user can write: the temporary directory is shared on Linux, and a journal
 * another user could write would let them put changes into the registry.
 */
function privateDir(dir: string): string | null {
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return null;
  }
  try {
    const stat = fs.lstatSync(dir);
    const uid = process.getuid?.();
    if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (process.platform !== 'win32' && (stat.mode & 0o077) !== 0)) return null;
    return dir;
  } catch {
    return null;
  }
}

export function newRecordId(): string {
  return crypto.randomBytes(8).toString('hex');
}

export class WriteJournal {
  private readonly file: string | null;
  /** The last read, reused while the file's size and time are the same. */
  private cache: { size: number; mtimeMs: number; text: string } | null = null;

  constructor(
    registryPath: string,
    private readonly log: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.file = journalPathFor(registryPath);
    if (this.file === null) log('no private temporary folder for the journal of recent writes; a save by an editor racing two apps may undo a write.');
  }

  /** The records of the last seconds, oldest first. */
  read(): JournalRecord[] {
    if (this.file === null) return [];
    let text: string;
    try {
      const stat = fs.statSync(this.file);
      if (this.cache?.size === stat.size && this.cache.mtimeMs === stat.mtimeMs) text = this.cache.text;
      else {
        text = fs.readFileSync(this.file, 'utf8');
        this.cache = { size: stat.size, mtimeMs: stat.mtimeMs, text };
      }
    } catch {
      return [];
    }
    const cutoff = this.now() - KEEP_MS;
    const out: JournalRecord[] = [];
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const record = parseJsonExact(line, true) as JournalRecord;
        if (typeof record.id === 'string' && typeof record.stamp === 'number' && Array.isArray(record.changes) && record.at >= cutoff) out.push(record);
      } catch {
        // A line cut short by a crash: that write's merge-back is lost, nothing else.
      }
    }
    return out.slice(-KEEP_MAX);
  }

  /** Adds a record, dropping old ones. Call only while holding the registry lock. */
  append(record: JournalRecord): void {
    if (this.file === null) return;
    const records = [...this.read(), record].slice(-KEEP_MAX);
    try {
      fs.writeFileSync(this.file, `${records.map((r) => stringifyLossless(r)).join('\n')}\n`, { mode: 0o600 });
    } catch (error) {
      this.log(`could not note the write in ${this.file}: ${String(error)}`);
    }
  }
}
