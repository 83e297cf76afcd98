import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { RegistryProblem, RegistrySnapshot, WorkspaceInfo } from '../../shared/contract';
import { AppError, validationError } from '../../shared/errors';
import { emptyRegistry, parseRegistry, timestamp, type ModelEntry, type ModelStatus, type Registry } from '../../shared/registry';
import type { EventBus } from '../events';
import { workspaceInfo } from '../workspace/paths';
import { backupInvalidFile } from './backup';
import type { WriteOutcome } from './atomic-write';
import { defaultEngineFactory, serializeRegistryWith, type RegistryEngine, type RegistryEngineFactory } from './engine';
import { checkDepth, checkEntrySizes, checkWritable } from './check-change';
import { cloneJson } from './exact-json';
import { acquireRegistryLock, type RegistryLockOptions } from './lock';
import { readRegistryOrAside, sameRead, type RegistryText } from './read-file';
import { DEFAULT_SETTLE, settleAsync, settleSteps, settleSync, type Settled, type SettleOptions } from './settle';
import { withKeyOrderOf } from './key-order';
import { diffChanges } from './merge-changes';
import { OwnWrites } from './own-writes';
import { MAX_ATTEMPTS, MAX_RETRY_MS, MERGE_RETRY_MS } from './retry-policy';
import { WriteJournal } from './write-journal';
import { addModel, setDefaultModel, setModelStatus, updateModel, type ModelPatchInput, type NewModelInput } from './operations';
import type { ParsedRegistry } from './parse';
import { parseRead, readOnlyError, unreadableProblem } from './problems';
import { watchFileInDir } from './watch';
import type { RegistryStoreOptions } from './store-options';

export type { RegistryStoreOptions } from './store-options';

/**
 * The only writer of the registry file. Reads and validates the file itself (so a problem is
 * reported with line, column and field paths), serves the last good state read-only while the
 * file is invalid (never overwriting it), and picks up edits made by other programs.
 *
 * Each write holds the cross-process registry lock, re-reads the file, applies the change to what
 * is on disk, checks it, writes it atomically, and releases: two programs on one workspace, or
 * an editor saving meanwhile, lose nothing. Writes from this process run one at a time, in order.
 *
 * Snapshots are shared, not copied: treat them as read-only. Every change builds new objects.
 */
export class RegistryStore {
  readonly workspace: WorkspaceInfo;
  readonly path: string;
  private readonly engineFactory: RegistryEngineFactory;
  private engine: RegistryEngine | null = null;
  private readonly clock: () => Date;
  private readonly log: (message: string) => void;
  private readonly listeners = new Set<(snapshot: RegistrySnapshot) => void>();
  private readonly bus: EventBus | undefined;
  private readonly lockOptions: RegistryLockOptions;
  private readonly settle: SettleOptions;

  /** The last valid registry (parsed), served while the file is invalid. */
  private current: Registry;
  /** The same as the file has it (key order, unknown keys): the template for the next write. */
  private raw: Record<string, unknown> | null = null;
  /** What was on disk when last read or written, to tell our writes from other programs'. */
  private known: RegistryText | null = null;
  /** The same, parsed: what our next write replaces. */
  private onDisk: Registry | null = null;
  /** `current` holds merged changes that are not on disk yet (see OwnWrites). */
  private dirty = false;
  private readonly own: OwnWrites;
  private closed = false;
  private problem: RegistryProblem | null = null;
  private snapshot: RegistrySnapshot;
  private queue: Promise<unknown> = Promise.resolve();
  private stopWatching: (() => void) | null = null;
  /** False until the first read is done: nothing is announced from the constructor. */
  private loaded = false;
  /** The next read counts even if its text equals `known` (first read, after a read error). */
  private stale = true;

  constructor(options: RegistryStoreOptions) {
    this.workspace = workspaceInfo(options.workspace);
    this.path = this.workspace.registryPath;
    this.engineFactory = options.engine ?? defaultEngineFactory;
    this.clock = options.clock ?? (() => new Date());
    this.log = options.log ?? ((message) => console.warn(`[registry] ${message}`));
    this.bus = options.bus;
    this.lockOptions = { waitMs: options.lockWaitMs, staleMs: options.lockStaleMs, log: this.log };
    this.settle = options.settle ?? DEFAULT_SETTLE;
    this.own = new OwnWrites(new WriteJournal(this.path, this.log));
    if (options.onChange) this.listeners.add(options.onChange);
    this.current = this.emptyRegistry();
    this.snapshot = this.makeSnapshot();
    this.readFirst();
    this.loaded = true;
    if (options.watch !== false) {
      const onChange = () => void this.reload().catch((error: unknown) => this.log(`reloading failed: ${String(error)}`));
      // Only the registry's own name: the lock folder and the engine's temporary files are ignored.
      this.stopWatching = watchFileInDir(this.workspace.path, path.basename(this.path), onChange, {
        debounceMs: options.watchDebounceMs ?? 100,
        onError: (error) => this.log(`cannot watch ${this.workspace.path} for changes: ${String(error)}`),
      });
    }
  }

  get(): RegistrySnapshot {
    return this.snapshot;
  }

  /** Called with every new snapshot (external edits, writes, problems); returns an unsubscribe function. */
  subscribe(listener: (snapshot: RegistrySnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Re-reads the file now (the watcher does this on its own; sync and window focus may force it). */
  reload(): Promise<RegistrySnapshot> {
    return this.enqueue(async () => {
      await this.refresh();
      // What the file lacks of our writes goes back in now; failing that (busy), again shortly:
      // there may be no next write to carry it.
      if (this.dirty) {
        await this.underLock(() => this.updateLocked(() => undefined)).catch((error: unknown) => {
          this.log(`could not merge back yet: ${String(error)}`);
          if (this.closed || !(error instanceof AppError && error.kind === 'busy')) return;
          setTimeout(() => void this.reload().catch(() => undefined), MERGE_RETRY_MS).unref();
        });
      }
      return this.snapshot;
    });
  }

  /**
   * Changes the registry: `mutate` edits a copy of the file's current content, re-read from disk
   * under the cross-process lock. The result is checked (limits, schema, read-back), written
   * atomically with `last_updated` set, and announced; the promise settles once it is on disk.
   * Nothing is written when the draft ends up unchanged. Fails with `read_only` while the file is
   * invalid, and with `busy` when another program holds the lock too long.
   */
  update<T>(mutate: (draft: Registry) => T | Promise<T>): Promise<T> {
    return this.enqueue(() => this.underLock(() => this.updateLocked(mutate)));
  }

  private async underLock<T>(task: () => Promise<T>): Promise<T> {
    const release = await acquireRegistryLock(this.path, this.lockOptions);
    try {
      return await task();
    } finally {
      await release();
    }
  }

  private async updateLocked<T>(mutate: (draft: Registry) => T | Promise<T>): Promise<T> {
    const started = Date.now();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS && (attempt === 1 || Date.now() - started < MAX_RETRY_MS); attempt++) {
      await this.refresh();
      if (this.problem) throw readOnlyError(this.problem);
      // Another app may have noted a write that the version on disk lacks (see WriteJournal).
      if (this.onDisk) this.takeIn(this.onDisk);
      const draft = cloneJson(this.current);
      const pending = mutate(draft);
      const result = pending instanceof Promise ? await pending : pending;

      checkDepth(draft);
      const checked = parseRegistry(draft);
      if (!checked.success) throw validationError('registry change', checked.error);
      const next = checked.data;
      if (!this.dirty && isDeepStrictEqual(next, this.current)) return result;
      checkEntrySizes(next, this.current);
      next.last_updated = timestamp(this.clock());
      // A program that does not take the lock (a text editor) may have saved since the re-read:
      // the engine then writes nothing, and the change is redone on that program's version.
      const before = this.onDisk;
      const outcome = await this.write(next);
      if (outcome.kind === 'changed') continue;
      // Ours is on disk; a save that landed on the file it replaced is merged in by one more write.
      if (outcome.kind === 'orphaned' && this.takeOrphan(outcome.text, before)) {
        await this.updateLocked(() => undefined).catch((error: unknown) => this.log(`could not merge that save: ${String(error)}`));
      }
      return result;
    }
    throw new AppError(
      'busy',
      `Another program kept changing the registry ${this.path} while this change was being saved. Nothing was changed; try again in a moment.`,
    );
  }

  addModel(input: NewModelInput): Promise<ModelEntry> {
    return this.update((draft) => addModel(draft, input, this.context()));
  }

  updateModel(name: string, patch: ModelPatchInput): Promise<ModelEntry> {
    return this.update((draft) => updateModel(draft, name, patch, this.context()));
  }

  async setDefault(name: string | null): Promise<RegistrySnapshot> {
    await this.update((draft) => setDefaultModel(draft, name));
    return this.snapshot;
  }

  setStatus(
    name: string,
    status: ModelStatus,
    fields: Partial<Pick<ModelEntry, 'failure_reason' | 'build'>> = {},
  ): Promise<ModelEntry> {
    return this.update((draft) => setModelStatus(draft, name, status, fields, this.context()));
  }

  /** Stops watching the folder. Queued work still finishes. */
  close(): void {
    this.closed = true;
    this.stopWatching?.();
    this.stopWatching = null;
  }

  // ---------- internals ----------

  private context() {
    return { workspaceDir: this.workspace.path, now: this.clock() };
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** What is on disk now; null (and a problem announced) when it cannot be read. */
  private read(): RegistryText | null {
    try {
      return readRegistryOrAside(this.path);
    } catch (error) {
      this.stale = true;
      this.problem = unreadableProblem(this.path, error);
      this.log(`${this.problem.message} Serving the last valid content read-only.`);
      this.announce();
      return null;
    }
  }

  private parse(read: RegistryText): ParsedRegistry | null {
    return parseRead(this.path, read);
  }

  /**
   * The first read, in the constructor: it settles by blocking briefly (only for a file that does
   * not parse or changed while read), so a half-written save is not copied aside at startup.
   */
  private readFirst(): void {
    const read = this.read();
    if (!read) return;
    const settled = settleSync(this.settleFrom(read));
    if (settled) this.absorb(settled.read, settled.parsed);
  }

  /**
   * Reads the file and takes in what changed. A new content that does not parse is re-read a
   * few times first: an editor saving in place may be halfway through.
   */
  private async refresh(): Promise<void> {
    const read = this.read();
    if (!read || (!this.stale && this.known && sameRead(read, this.known) && read.kind === 'text' && read.settled !== false)) return;
    const settled = await settleAsync(this.settleFrom(read));
    if (settled) this.absorb(settled.read, settled.parsed);
  }

  private settleFrom(first: RegistryText): Generator<number, Settled | null, void> {
    return settleSteps(first, () => this.read(), (read) => this.parse(read), this.settle);
  }

  /**
   * Takes in a save that another program made, in place, into the file our rename replaced: its
   * changes against the version it was based on (`base`, what our write replaced) are merged into
   * what we hold and kept until written. False when that save does not parse: it was cut short.
   */
  private takeOrphan(text: string, base: Registry | null): boolean {
    const parsed = this.parse({ kind: 'text', text });
    if (!parsed?.ok) {
      this.log(`another program saved ${this.path} while it was being replaced, and its save is incomplete; it was not merged.`);
      return false;
    }
    this.log(`another program saved ${this.path} while it was being replaced; merging its save.`);
    // Its own edits only: where it is older than writes made since it read the file (ours just
    // now included), those writes are put back first, so they do not count as its edits.
    const saved = this.own.mergeInto(parsed.registry)?.registry ?? parsed.registry;
    this.own.carry(diffChanges(base ?? this.emptyRegistry(), saved));
    this.takeIn(this.current);
    return this.dirty;
  }

  /** Makes `registry` (from disk) current, with what it lacks of our writes merged in. */
  private takeIn(registry: Registry): void {
    const merged = this.loaded ? this.own.mergeInto(registry) : null;
    if (merged) this.log(`another program saved ${this.path} without ${merged.applied} change(s) this app had written; merged them back.`);
    this.current = merged ? merged.registry : registry;
    this.dirty = merged !== null;
  }

  /** Takes in what is on disk, if it differs from what we last saw; announces the result. */
  private absorb(read: RegistryText, parsed: ParsedRegistry | null): void {
    if (!this.stale && this.known && sameRead(read, this.known)) return;
    this.stale = false;
    this.known = read;

    if (parsed === null) {
      // No file: nothing is declared. The first write creates it.
      this.current = this.emptyRegistry();
      this.onDisk = null;
      this.dirty = false;
      this.raw = {};
      this.problem = null;
      return this.announce();
    }

    if (parsed.ok) {
      if (this.problem) this.log(`${this.path} is valid again; changes are allowed.`);
      // Another app's write (newer than any seen) is remembered like our own: an editor's save of
      // an older version would undo it too, and this program may be the first to see that save.
      if (this.loaded && this.onDisk) this.own.observe(this.onDisk, parsed.registry);
      this.onDisk = parsed.registry;
      this.takeIn(parsed.registry);
      this.raw = parsed.raw;
      this.problem = null;
      return this.announce();
    }

    let backupPath: string | null = null;
    // An empty file holds nothing to keep; a huge one stays where it is, untouched.
    if (!parsed.empty && read.kind === 'text') {
      try {
        backupPath = backupInvalidFile(this.path, read.text, this.clock());
      } catch (error) {
        this.log(`could not save a copy of the invalid ${this.path}: ${String(error)}`);
      }
    }
    this.problem = {
      message: parsed.message,
      file: this.path,
      line: parsed.line,
      column: parsed.column,
      backupPath,
      issues: parsed.issues,
    };
    this.raw ??= {};
    this.log(`${parsed.message} Serving the last valid content read-only${backupPath ? `; copy saved as ${backupPath}` : ''}.`);
    this.announce();
  }

  /** Hands the engine the text and the version it was built on; on success, that is what we know. */
  private async write(next: Registry): Promise<WriteOutcome> {
    const ordered = withKeyOrderOf(next, this.raw) as Record<string, unknown>;
    const { text, exactNumbers } = serializeRegistryWith(ordered);
    checkWritable(ordered, text, exactNumbers);
    this.engine ??= this.engineFactory(this.workspace.path);
    const replaced = this.onDisk;
    const outcome = await this.engine.write(text, this.known ?? { kind: 'missing' }, (saved) => this.mergeLateSave(saved, replaced));
    if (outcome.kind === 'changed') return outcome;
    this.own.record(this.onDisk ?? this.emptyRegistry(), next);
    this.known = { kind: 'text', text };
    this.onDisk = next;
    this.dirty = false;
    this.current = next;
    this.raw = ordered;
    this.announce();
    return outcome;
  }

  /**
   * A program opened the file before one of our writes replaced it and saved into it afterwards
   * (an editor paused between opening and writing): that save is merged as soon as it is seen.
   */
  private mergeLateSave(text: string, base: Registry | null): void {
    if (this.closed) return;
    void this.enqueue(() =>
      this.underLock(async () => {
        await this.refresh();
        if (this.problem) return;
        if (this.takeOrphan(text, base)) await this.updateLocked(() => undefined);
      }),
    ).catch((error: unknown) => {
      // Kept in memory (carried) and written with the next write, or by the retry when busy.
      this.log(`could not merge a save made into the replaced ${this.path} yet: ${String(error)}`);
      if (!this.closed && error instanceof AppError && error.kind === 'busy') setTimeout(() => void this.reload().catch(() => undefined), MERGE_RETRY_MS).unref();
    });
  }

  private emptyRegistry(): Registry {
    return { ...emptyRegistry(), last_updated: timestamp(this.clock()) };
  }

  private makeSnapshot(): RegistrySnapshot {
    return { workspace: this.workspace, registry: this.current, problem: this.problem, readOnly: this.problem !== null };
  }

  private announce(): void {
    this.snapshot = this.makeSnapshot();
    if (!this.loaded) return;
    for (const listener of this.listeners) {
      try {
        listener(this.snapshot);
      } catch (error) {
        this.log(`a registry listener failed: ${String(error)}`);
      }
    }
    this.bus?.emit('registry.changed', this.snapshot);
  }
}
