import type { Registry } from '../../shared/registry';
import { parseRegistry } from '../../shared/registry';
import { cloneJson } from './exact-json';
import { applyChanges, diffChanges, type Change } from './merge-changes';

/**
 * What this program wrote lately, so that a save by a program that does not take the lock (a text
 * editor that read the file before our write and saved after it) does not silently undo an
 * acknowledged write. Such a save carries the `last_updated` of the version it read, older than
 * our write's; every program that writes under the lock sets a newer one. Our changes are then
 * re-applied onto that save wherever it still holds what was there before our write (a three-way
 * merge); where it holds something else, its version stays.
 */

interface OwnWrite {
  at: number;
  stamp: number;
  changes: Change[];
}

/** Long enough for any save racing a write; bounded so memory stays small. */
const KEEP_MS = 30_000;
const KEEP_MAX = 500;

export class OwnWrites {
  private writes: OwnWrite[] = [];
  /** Another program's changes that are in memory only (its save landed on a replaced file). */
  private carried: Change[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Our write of `written` over `before` (what was on disk) is on disk. */
  record(before: Registry, written: Registry): void {
    const stamp = Date.parse(written.last_updated ?? '');
    if (Number.isFinite(stamp)) this.writes.push({ at: this.now(), stamp, changes: diffChanges(before, written) });
    this.carried = [];
    this.prune();
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
