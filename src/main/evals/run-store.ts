import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, formatIssuePath } from '../../shared/errors';
import { familySlug, RUNS_DIR } from '../../shared/eval/prompt-set';
import { runRecordSchema, type RunId, type RunRecord, type RunSummary } from '../../shared/eval/run-record';
import { summarizeRun } from '../../shared/eval/run-verdict';
import { fileErrorReason } from '../../shared/file-error-reason';
import { TEMP_SUFFIX, writeFileAtomic } from '../chat/atomic-write';
import { ensureFolderOf, evalsPath, readTextOrNull } from './evals-folder';

/**
 * Run files: `evals/runs/<family slug>/<run id>.json`. A run's file is created once (never over
 * another) and afterwards rewritten only by the run itself, whole and atomically, at most about
 * once a second while results come in and at once when it ends. A file still saying `running`
 * that no run of this process is writing was left by a process that died: it reads back as
 * `interrupted`, with the results it had saved.
 */

/** A run file holds every output; beyond this it is not read (a run of 10,000 long answers fits). */
const MAX_RUN_BYTES = 256 * 1024 * 1024;
export const RUN_WRITE_INTERVAL_MS = 1_000;
export const INTERRUPTED_REASON = 'The program running this evaluation stopped before it finished; the results it saved are kept.';

/** Runs this process is writing now. */
const liveRuns = new Set<string>();

/** `2026-12-03T13-45-12-123Z-3f9a`: the start time, sortable, plus a random tail against clashes. */
export function newRunId(now: Date = new Date()): RunId {
  return `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(2).toString('hex')}`;
}

export function runFilePath(family: string, runId: string): string {
  return `${RUNS_DIR}/${familySlug(family)}/${runId}.json`;
}

function serialize(record: RunRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/**
 * Writes one run's file while it runs. Writes go out asynchronously (a flush to disk must not hold
 * up the next request to Ollama), one at a time, each the whole record as it was when it began.
 */
export class RunWriter {
  private timer: NodeJS.Timeout | null = null;
  private lastWrite = 0;
  private writing: Promise<void> | null = null;
  private again = false;
  private failure: AppError | null = null;
  private finished = false;

  private constructor(
    private readonly abs: string,
    readonly rel: string,
    private readonly record: RunRecord,
  ) {}

  /** Creates the run's file (`wx`: an existing file is never replaced). `record` is then kept and written as it changes. */
  static create(workspaceDir: string, record: RunRecord): RunWriter {
    const rel = runFilePath(record.family, record.id);
    const abs = evalsPath(workspaceDir, rel);
    ensureFolderOf(workspaceDir, abs);
    try {
      fs.writeFileSync(abs, serialize(record), { flag: 'wx' });
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'a run file of that name exists already' : fileErrorReason(error);
      throw new AppError('internal', `Cannot create the run file ${rel}: ${reason}. Start the run again.`);
    }
    liveRuns.add(record.id);
    const writer = new RunWriter(abs, rel, record);
    writer.lastWrite = Date.now();
    return writer;
  }

  /** The record changed: written now if the last write is a second old, else once that second is up. */
  changed(): void {
    if (this.finished || this.timer !== null) return;
    if (this.writing) {
      this.again = true;
      return;
    }
    const wait = this.lastWrite + RUN_WRITE_INTERVAL_MS - Date.now();
    if (wait <= 0) return this.startWrite();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.startWrite();
    }, wait);
    this.timer.unref();
  }

  /** A write that failed while the run went on: the run stops on it. */
  throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  /** The final write, whatever the state, after any write under way: throws when it cannot be saved. */
  async finish(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.finished = true;
    liveRuns.delete(this.record.id);
    await this.writing;
    await this.write(serialize(this.record));
  }

  private startWrite(): void {
    this.lastWrite = Date.now();
    this.writing = this.write(serialize(this.record))
      .catch((error: unknown) => {
        this.failure = error instanceof AppError ? error : new AppError('internal', String(error));
      })
      .finally(() => {
        this.writing = null;
        if (this.again) {
          this.again = false;
          this.changed();
        }
      });
  }

  private async write(text: string): Promise<void> {
    try {
      await writeFileAtomic(this.abs, text);
    } catch (error) {
      throw new AppError('internal', `Cannot save the run file ${this.rel}: ${fileErrorReason(error)}. Free some space or fix the permissions, then run again.`);
    }
  }
}

/** Reads and checks one run file; a run left `running` by a dead process comes back `interrupted`. */
export function readRun(workspaceDir: string, family: string, runId: string): RunRecord {
  const rel = runFilePath(family, runId);
  const text = readTextOrNull(evalsPath(workspaceDir, rel), rel, MAX_RUN_BYTES);
  if (text === null) throw new AppError('not_found', `There is no run ${runId} of "${family}" (${rel}); it may have been deleted.`);
  return parseRun(text, rel, runId);
}

function parseRun(text: string, rel: string, runId: string): RunRecord {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new AppError('validation', `${rel} is not valid JSON (${(error as Error).message}); it was left as it is. Restore it from git, or delete it.`);
  }
  const parsed = runRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${formatIssuePath(issue.path)}: ${issue.message}` : 'invalid';
    throw new AppError('validation', `${rel} is not a run file this version can read (${where}); it was left as it is.`);
  }
  const record = parsed.data;
  if (record.id !== runId) throw new AppError('validation', `${rel} holds run ${record.id}, not ${runId}; rename the file back to ${record.id}.json.`);
  if (record.state === 'running' && !liveRuns.has(record.id)) return { ...record, state: 'interrupted', error: record.error ?? INTERRUPTED_REASON };
  return record;
}

/** A family's runs, newest first; a file that cannot be read is left out (and said so in the log). */
export function listRuns(workspaceDir: string, family: string, log: (line: string) => void = (line) => console.warn(line)): RunSummary[] {
  const dirRel = `${RUNS_DIR}/${familySlug(family)}`;
  const dir = evalsPath(workspaceDir, dirRel);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new AppError('internal', `Cannot list ${dirRel}/: ${fileErrorReason(error)}.`);
  }
  const summaries: RunSummary[] = [];
  for (const name of names) {
    if (name.startsWith('.') || name.endsWith(TEMP_SUFFIX) || !name.endsWith('.json')) continue;
    const runId = name.slice(0, -'.json'.length);
    try {
      const text = readTextOrNull(path.join(dir, name), `${dirRel}/${name}`, MAX_RUN_BYTES);
      if (text !== null) summaries.push(summarizeRun(parseRun(text, `${dirRel}/${name}`, runId)));
    } catch (error) {
      log(`[evals] ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return summaries.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}
