import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { RegistryProblem, RegistrySnapshot, WorkspaceInfo } from '../../shared/contract';
import { AppError, validationError } from '../../shared/errors';
import type { ModelEntry, ModelStatus, Registry } from '../../shared/registry';
import { emptyRegistry, registrySchema, timestamp } from '../../shared/registry';
import type { EventBus } from '../events';
import { workspaceInfo } from '../workspace/paths';
import { backupInvalidFile } from './backup';
import type { RegistryEngine, RegistryEngineFactory } from './engine';
import { confEngineFactory, serializeRegistry } from './engine';
import { withKeyOrderOf } from './key-order';
import type { ModelPatchInput, NewModelInput } from './operations';
import { addModel, setDefaultModel, setModelStatus, updateModel } from './operations';
import { parseRegistryText } from './parse';
import { watchFileInDir } from './watch';
import { fileErrorReason } from '../../shared/file-error-reason';

export interface RegistryStoreOptions {
  /** The workspace folder; the registry is `<workspace>/model_settings.json`. */
  workspace: string;
  /** What writes the file; conf by default, electron-store in the Electron entry. */
  engine?: RegistryEngineFactory;
  bus?: EventBus;
  onChange?: (snapshot: RegistrySnapshot) => void;
  clock?: () => Date;
  /** Watch the folder for edits by other programs (default true). */
  watch?: boolean;
  watchDebounceMs?: number;
  log?: (message: string) => void;
}

/** How many times a write starts again when another program changed the file during an async mutator. */
const MAX_ATTEMPTS = 3;

/**
 * The only writer of the registry file. Reads and validates the file itself (so a problem is
 * reported with line, column and field paths), serves the last good state read-only while the
 * file is invalid (never overwriting it), serializes writes through one queue, re-reads the file
 * before each write so an external edit is not lost, and picks up edits made by other programs.
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

  /** The last valid registry (parsed), served while the file is invalid. */
  private current: Registry;
  /** The same as the file has it (key order, unknown keys): the template for the next write. */
  private raw: Record<string, unknown> | null = null;
  /** The file's text as last read or written (null: no file), to tell our writes from other programs'. */
  private knownText: string | null = null;
  private problem: RegistryProblem | null = null;
  private snapshot: RegistrySnapshot;
  private queue: Promise<unknown> = Promise.resolve();
  private stopWatching: (() => void) | null = null;
  /** False until the first read is done: nothing is announced from the constructor. */
  private loaded = false;
  /** The next read counts even if its text equals `knownText` (first read, after a read error). */
  private stale = true;

  constructor(options: RegistryStoreOptions) {
    this.workspace = workspaceInfo(options.workspace);
    this.path = this.workspace.registryPath;
    this.engineFactory = options.engine ?? confEngineFactory;
    this.clock = options.clock ?? (() => new Date());
    this.log = options.log ?? ((message) => console.warn(`[registry] ${message}`));
    this.bus = options.bus;
    if (options.onChange) this.listeners.add(options.onChange);
    this.current = this.emptyRegistry();
    this.snapshot = this.makeSnapshot();
    this.refresh();
    this.loaded = true;
    if (options.watch !== false) {
      const onChange = () => void this.reload().catch((error: unknown) => this.log(`reloading failed: ${String(error)}`));
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
      this.refresh();
      return this.snapshot;
    });
  }

  /**
   * Changes the registry: `mutate` edits a copy of the file's current content (re-read from disk
   * first). The result is validated, written atomically with `last_updated` set, and announced.
   * Nothing is written when the draft ends up unchanged. Fails with `read_only` while the file is
   * invalid. Updates run one at a time, in call order.
   */
  update<T>(mutate: (draft: Registry) => T | Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      for (let attempt = 1; ; attempt++) {
        this.refresh();
        if (this.problem) throw this.readOnlyError(this.problem);
        const baseText = this.knownText;
        const draft = structuredClone(this.current);
        const pending = mutate(draft);
        const result = pending instanceof Promise ? await pending : pending;
        // Another program may have written while the mutator awaited: redo it on that version.
        if (pending instanceof Promise && attempt < MAX_ATTEMPTS && this.readText() !== baseText) continue;

        const checked = registrySchema.safeParse(draft);
        if (!checked.success) throw validationError('registry change', checked.error);
        const next = checked.data;
        if (isDeepStrictEqual(next, this.current)) return result;
        next.last_updated = timestamp(this.clock());
        this.write(next);
        return result;
      }
    });
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

  private readText(): string | null {
    try {
      return fs.readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Reads the file and takes in what changed; a file that cannot be read is a problem too. */
  private refresh(): void {
    let text: string | null;
    try {
      text = this.readText();
    } catch (error) {
      this.stale = true;
      const reason = fileErrorReason(error);
      this.problem = {
        message: `${path.basename(this.path)} cannot be read (${reason}).`,
        file: this.path,
        line: null,
        column: null,
        backupPath: null,
        issues: [],
      };
      this.log(`${this.problem.message} Serving the last valid content read-only.`);
      return this.announce();
    }
    this.absorb(text);
  }

  /** Takes in what is on disk, if it differs from what we last saw; announces the result. */
  private absorb(text: string | null): void {
    if (!this.stale && text === this.knownText) return;
    this.stale = false;
    this.knownText = text;

    if (text === null) {
      // No file: nothing is declared. The first write creates it.
      this.current = this.emptyRegistry();
      this.raw = {};
      this.problem = null;
      return this.announce();
    }

    const parsed = parseRegistryText(text, path.basename(this.path));
    if (parsed.ok) {
      if (this.problem) this.log(`${this.path} is valid again; changes are allowed.`);
      this.current = parsed.registry;
      this.raw = parsed.raw;
      this.problem = null;
      return this.announce();
    }

    let backupPath: string | null = null;
    if (!parsed.empty) {
      try {
        backupPath = backupInvalidFile(this.path, text, this.clock());
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

  private write(next: Registry): void {
    const ordered = withKeyOrderOf(next, this.raw) as Record<string, unknown>;
    this.engine ??= this.engineFactory(this.workspace.path);
    this.engine.write(ordered);
    this.knownText = serializeRegistry(ordered);
    this.current = next;
    this.raw = ordered;
    this.announce();
  }

  private readOnlyError(problem: RegistryProblem): AppError {
    const copy = problem.backupPath ? ` A copy of the invalid file was saved as ${problem.backupPath}.` : '';
    return new AppError(
      'read_only',
      `The registry file ${problem.file} is invalid, so nothing can be changed until it is fixed: ${problem.message}${copy} Fix the file on disk; the app picks it up as soon as it is valid.`,
      problem.issues.length > 0 ? problem.issues : undefined,
    );
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
