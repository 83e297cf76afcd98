import fs from 'node:fs';
import path from 'node:path';
import { MODELFILES_DIR } from '../workspace/paths';
import { isAtomicTempName } from './atomic-write';
import { sha256Hex } from './sha256';

/**
 * Watches the workspace's `models/` folder and reports Modelfiles changed by other programs (an
 * editor, a `git checkout`), as workspace-relative paths with their new sha256 (null: deleted).
 * The app's own saves are told apart by content: each save records the sha256 it wrote, and a
 * change to exactly that content is not reported.
 */

export interface ModelfileChange {
  path: string;
  sha256: string | null;
}

export interface ModelfileWatcherOptions {
  workspaceDir: string;
  onChange: (change: ModelfileChange) => void;
  debounceMs?: number;
  onError?: (error: unknown) => void;
}

export class ModelfileWatcher {
  /** Last content known per relative path (read or written by the app, or reported). */
  private readonly known = new Map<string, string | null>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private watcher: fs.FSWatcher | null = null;
  private readonly dir: string;
  private readonly debounceMs: number;

  constructor(private readonly options: ModelfileWatcherOptions) {
    this.dir = path.join(path.resolve(options.workspaceDir), MODELFILES_DIR);
    this.debounceMs = options.debounceMs ?? 100;
    try {
      this.watcher = fs.watch(this.dir, { persistent: false, encoding: 'utf8' }, (_event, name) => {
        if (name && !isAtomicTempName(name)) this.schedule(name);
      });
      this.watcher.on('error', (error) => {
        options.onError?.(error);
        this.close();
      });
    } catch (error) {
      // No models/ folder (yet): nothing to watch.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') options.onError?.(error);
    }
  }

  /** The app read or wrote `relPath` with this content: a change to it is not news. */
  note(relPath: string, sha256: string | null): void {
    this.known.set(normalize(relPath), sha256);
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.watcher?.close();
    this.watcher = null;
  }

  private schedule(name: string): void {
    const existing = this.timers.get(name);
    if (existing) clearTimeout(existing);
    const timer = setTimeout(() => {
      this.timers.delete(name);
      this.check(name);
    }, this.debounceMs);
    timer.unref();
    this.timers.set(name, timer);
  }

  private check(name: string): void {
    const relPath = `${MODELFILES_DIR}/${name}`;
    let sha256: string | null;
    try {
      const file = path.join(this.dir, name);
      if (!fs.statSync(file).isFile()) return;
      sha256 = sha256Hex(fs.readFileSync(file));
    } catch {
      sha256 = null;
    }
    if (this.known.has(relPath) && this.known.get(relPath) === sha256) return;
    this.known.set(relPath, sha256);
    this.options.onChange({ path: relPath, sha256 });
  }
}

/** `./models//Modelfile.x` and `models/Modelfile.x` are one file. */
function normalize(relPath: string): string {
  return path.posix.normalize(relPath.split(path.sep).join('/')).replace(/^\.\//, '');
}
