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

/**
 * A text editor that saves in place, as many do: it truncates the file and writes it in two
 * pieces with a pause between, so a program reading meanwhile sees a half-written file. It adds
 * one top-level key per save. Like a well-behaved tool it takes the registry lock (unless told
 * not to), so its read-modify-write cannot race the app's; readers that do not lock still see the
 * half file. Without the lock, a save landing between an app's re-read and its rename is lost,
 * and the editor's own save can undo an app write: that race belongs to any unlocked writer.
 */
export function startEditor(file: string, options: { everyMs: number; halfPauseMs: number; lock?: boolean }): { stop: () => Promise<string[]> } {
  const written: string[] = [];
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
        const half = Math.floor(text.length / 2);
        const fd = fs.openSync(file, 'r+');
        fs.ftruncateSync(fd, 0);
        fs.writeSync(fd, text.slice(0, half), 0);
        await new Promise((resolve) => setTimeout(resolve, options.halfPauseMs));
        fs.writeSync(fd, text.slice(half), half);
        fs.closeSync(fd);
        written.push(key);
      } catch {
        // The lock was busy for long: skip this save, as a person would try again later.
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
