import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** Shared by the multi-process test and `npm run bench:multi-writer`. */

export interface WriterPlan {
  workspace: string;
  id: string;
  adds: number;
  puts: number;
}

export interface WriterReport {
  id: string;
  added: string[];
  lastPut: string | null;
  errors: string[];
}

export const newModel = (name: string) => ({ name, display_name: `Model ${name}`, modelfile: 'models/Modelfile.x', base_model: 'llama3:latest' });

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

/** Runs `writer-process.ts` in a child Node process; resolves with its report. */
export function runWriterProcess(plan: WriterPlan): Promise<WriterReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'writer-process.ts'), JSON.stringify(plan)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1);
      if (code !== 0 || !line) reject(new Error(`writer ${plan.id} exited with ${code}: ${err.slice(-2000)}`));
      else resolve(JSON.parse(line) as WriterReport);
    });
  });
}

/** How the editor saves: in place (truncate, then write in two pieces), or to a new file renamed over. */
export type EditorSave = 'in-place' | 'rename';

/**
 * A text editor. Saving in place, as many do, it truncates the file and writes it in two pieces
 * with a pause between, so a program reading meanwhile sees a half-written file; saving by rename
 * ("atomic save") it writes a new file and renames it over. It adds one top-level key per save.
 * Like a well-behaved tool it takes the registry lock, unless told not to (`lock: false`), as a
 * plain text editor would not: then it reads, and saves a moment later what it read plus its key,
 * racing the app's writes from both sides.
 */
export function startEditor(
  file: string,
  options: { everyMs: number; halfPauseMs: number; lock?: boolean; save?: EditorSave },
): { stop: () => Promise<string[]>; landedOnReplacedFile: () => string[] } {
  const written: string[] = [];
  /** Saves in place that went (at least partly) into a file an app's rename had replaced meanwhile. */
  const landedOnReplaced: string[] = [];
  let running = true;
  const loop = (async () => {
    for (let n = 0; running; n++) {
      await new Promise((resolve) => setTimeout(resolve, options.everyMs));
      let release: (() => Promise<void>) | null = null;
      try {
        if (options.lock !== false) release = await lockfile.lock(file, { realpath: false, stale: 4000, retries: { retries: 200, minTimeout: 5, maxTimeout: 20 } });
        const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
        const key = `external_${n}`;
        json[key] = { edited_by: 'editor', n };
        const text = `${JSON.stringify(json, null, 2)}\n`;
        if (options.save === 'rename') {
          const swap = `${file}.editor-swap`;
          fs.writeFileSync(swap, text.slice(0, text.length >> 1));
          await new Promise((resolve) => setTimeout(resolve, options.halfPauseMs));
          fs.appendFileSync(swap, text.slice(text.length >> 1));
          fs.renameSync(swap, file);
        } else {
          const half = Math.floor(text.length / 2);
          const fd = fs.openSync(file, 'r+');
          fs.ftruncateSync(fd, 0);
          fs.writeSync(fd, text.slice(0, half), 0);
          await new Promise((resolve) => setTimeout(resolve, options.halfPauseMs));
          fs.writeSync(fd, text.slice(half), half);
          if (fs.fstatSync(fd).nlink === 0) landedOnReplaced.push(key);
          fs.closeSync(fd);
        }
        written.push(key);
      } catch {
        // The lock was busy for long (or the file half-written by another editor): skip this
        // save, as a person would try again later.
      } finally {
        await release?.();
      }
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return written;
    },
    landedOnReplacedFile: () => [...landedOnReplaced],
  };
}

export interface MultiWriterCounts {
  acknowledgedAdds: number;
  lostAdds: number;
  acknowledgedFinalPuts: number;
  lostFinalPuts: number;
  externalKeys: number;
  lostExternalKeys: number;
  invalidBackups: number;
  errors: string[];
}

/** What the file says at the end against what was acknowledged. */
export function countLosses(workspace: string, reports: Array<{ added: string[]; own: string; lastPut: string | null; errors: string[] }>, externalKeys: string[]): MultiWriterCounts {
  const json = JSON.parse(fs.readFileSync(path.join(workspace, 'model_settings.json'), 'utf8')) as Record<string, unknown> & {
    models: Record<string, { description?: string }>;
  };
  let acknowledgedAdds = 0;
  let lostAdds = 0;
  let acknowledgedFinalPuts = 0;
  let lostFinalPuts = 0;
  for (const report of reports) {
    acknowledgedAdds += report.added.length;
    lostAdds += report.added.filter((name) => !Object.hasOwn(json.models, name)).length;
    if (report.lastPut !== null) {
      acknowledgedFinalPuts++;
      if (json.models[report.own]?.description !== report.lastPut) lostFinalPuts++;
    }
  }
  return {
    acknowledgedAdds,
    lostAdds,
    acknowledgedFinalPuts,
    lostFinalPuts,
    externalKeys: externalKeys.length,
    lostExternalKeys: externalKeys.filter((key) => !Object.hasOwn(json, key)).length,
    invalidBackups: fs.readdirSync(workspace).filter((name) => name.includes('.invalid-')).length,
    errors: reports.flatMap((report) => report.errors),
  };
}
