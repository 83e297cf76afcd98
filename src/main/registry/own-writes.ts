import type { Registry } from '../../shared/registry';
import { parseRegistry } from '../../shared/registry';
import { cloneJson } from './exact-json';
import { applyChanges, diffChanges, type Change } from './merge-changes';
import { newRecordId, type WriteJournal } from './write-journal';

/**
 * What this program wrote (and saw other apps write) lately, so that a save by a program that does not take the lock (a text
 * editor that read the file before our write and saved after it) does not silently undo an
 * acknowledged write. Such a save carries the `last_updated` of the version it read, older than
 * our write's; every program that writes under the lock sets a newer one. Our changes are then
 * re-applied onto that save wherever it still holds what was there before our write (a three-way
 * merge); where it holds something else, its version stays.
 */

interface OwnWrite {
  id: string;
  at: number;
  stamp: number;
  changes: Change[];
}

/** Long enough for any save racing a write; bounded so memory stays small. */
const KEEP_MS = 10_000;
const KEEP_MAX = 200;

export class OwnWrites {
  private writes: OwnWrite[] = [];
  /** Another program's changes that are in memory only (its save landed on a replaced file). */
  private carried: Change[] = [];

  /** `journal` shares the writes with the other apps on the workspace; none in some tests. */
  constructor(
    private readonly journal: WriteJournal | null = null,
    private readonly now: () => number = Date.now,
  ) {}

  /** Our write of `written` over `before` (what was on disk) is on disk. */
  record(before: Registry, written: Registry): void {
    const write = this.remember(before, written);
    if (write) this.journal?.append(write);
    this.carried = [];
  }

  /**
   * Another program's version replaced `before`. Remembered only when its stamp is newer than
   * every write remembered: a write under the lock by another app, not a save of an older version.
   */
  observe(before: Registry, seen: Registry): void {
    const stamp = Date.parse(seen.last_updated ?? '');
    if (this.writes.every((write) => write.stamp < stamp)) this.remember(before, seen);
  }

  private remember(before: Registry, after: Registry): OwnWrite | null {
    const stamp = Date.parse(after.last_updated ?? '');
    if (!Number.isFinite(stamp)) return null;
    const write = { id: newRecordId(), at: this.now(), stamp, changes: diffChanges(before, after) };
    this.writes.push(write);
    this.prune();
    return write;
  }

  /** Takes in the other apps' writes from the journal, in the order they were made. */
  private pull(): void {
    if (!this.journal) return;
    const known = new Set(this.writes.map((write) => write.id));
    const foreign = this.journal.read().filter((record) => !known.has(record.id));
    if (foreign.length === 0) return;
    this.writes = [...this.writes, ...foreign].sort((a, b) => a.stamp - b.stamp || a.at - b.at);
  }

  /** Keeps another program's changes to merge into whatever is on disk until they are written. */
  carry(changes: Change[]): void {
    this.carried.push(...changes);
  }

  get carrying(): boolean {
    return this.carried.length > 0;
  }

  /**
   * `external` (another program's version, just read) with what it lacks of ours merged in; null
   * when nothing is missing, or when the merge would not be a valid registry (then it stays as saved).
   */
  mergeInto(external: Registry): { registry: Registry; applied: number } | null {
    this.pull();
    this.prune();
    const savedAt = Date.parse(external.last_updated ?? '');
    const missed = Number.isFinite(savedAt) ? this.writes.filter((write) => write.stamp > savedAt) : [];
    if (missed.length === 0 && this.carried.length === 0) return null;
    const draft = cloneJson(external) as unknown as Record<string, unknown>;
    let applied = 0;
    for (const write of missed) applied += applyChanges(write.changes, draft);
    applied += applyChanges(this.carried, draft);
    if (applied === 0) return null;
    const checked = parseRegistry(draft);
    return checked.success ? { registry: checked.data, applied } : null;
  }

  private prune(): void {
    const cutoff = this.now() - KEEP_MS;
    this.writes = this.writes.filter((write) => write.at >= cutoff).slice(-KEEP_MAX);
  }
}
