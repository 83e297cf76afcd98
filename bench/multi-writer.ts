/**
 * Many writers on one registry: the acceptance of issue 9 (items 3 and 4).
 *
 *   npx electron-vite build && npm run bench:multi-writer -- [rounds] [putsPerWriter] [adds] [editor] [editorEveryMs]
 *
 *   editor: `locked` (default) takes the registry lock; `unlocked` takes none and saves in place,
 *   as a plain text editor does; `unlocked-rename` takes none and saves by renaming a new file
 *   over the registry, as editors with "atomic save" do.
 *   editorEveryMs: how often the editor saves (default 250). Each save adds one top-level key.
 *   250 ms is a person pressing save four times a second the whole round, which is already far
 *   beyond a real editor; at the acceptance size it makes about as many saves as the issue's
 *   tester made (325 keys over a run). `25` is the stress mode: a save every 25 ms grows the
 *   file by ~40 keys a second, to thousands of keys, for as long as the writers run.
 *   The acceptance runs (one per editor):
 *   nice -n 10 npm run bench:multi-writer -- 5 150 150 locked
 *   nice -n 10 npm run bench:multi-writer -- 5 150 150 unlocked
 *   nice -n 10 npm run bench:multi-writer -- 5 150 150 unlocked-rename
 *
 * Each round: a fresh workspace, two headless servers (`out/main/serve.js`) on it, six writers
 * each sending `putsPerWriter` PUT /admin/models/{own model} (three per server), one adder per
 * server sending `adds` POST /admin/models/add, and an editor saving every `editorEveryMs`,
 * half-written for a moment each time (10 ms). When the writers are done the editor stops, and
 * after three quiet seconds (a save the editor based on a version older than an app write is merged
 * back by the servers' folder watchers) the file is compared with every acknowledged (200)
 * answer and every save the editor made. Defaults: 5 rounds × 6 writers × 150 PUTs,
 * 2 × 150 adds, `locked`, 250 ms.
 * Prints the counts; exits 1 when anything acknowledged or saved was lost or a backup was made.
 * A refused request (an answer other than 200, such as "busy") is not acknowledged and is counted
 * and printed apart: it is not a loss, but many of them mean the app is too slow for the load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { countLosses, newModel, startEditor, type EditorSave, type MultiWriterCounts } from '../tests/support/registry/multi-writer';

const ROUNDS = Number(process.argv[2] ?? 5);
const PUTS = Number(process.argv[3] ?? 150);
const ADDS = Number(process.argv[4] ?? 150);
const EDITOR = process.argv[5] ?? 'locked';
const EDITOR_EVERY_MS = Number(process.argv[6] ?? 250);
if (!['locked', 'unlocked', 'unlocked-rename'].includes(EDITOR)) {
  console.error(`editor must be locked, unlocked or unlocked-rename, not "${EDITOR}"`);
  process.exit(2);
}
if (!(EDITOR_EVERY_MS >= 1)) {
  console.error(`editorEveryMs must be a number of milliseconds, not "${process.argv[6]}"`);
  process.exit(2);
}
const EDITOR_LOCKS = EDITOR === 'locked';
const EDITOR_SAVE: EditorSave = EDITOR === 'unlocked-rename' ? 'rename' : 'in-place';
/**
 * Time for the servers to merge back a stale last save before the file is checked: longer than
 * they watch a file their write replaced for a late save into it (2 s, LATE_SAVE_CHECKS_MS).
 */
const QUIET_MS = 3000;
const WRITERS = 6;
const ROOT = path.resolve(import.meta.dirname, '..');
const SERVE = path.join(ROOT, 'out', 'main', 'serve.js');
const SEED = path.join(ROOT, 'models', 'model_settings.json');
const TOKEN = 'bench-multi-writer-token-0123456789';

interface Server {
  url: string;
  child: ChildProcess;
  /** What it logged (registry merges are logged as warnings). */
  log: string[];
}

function startServer(workspace: string, dataDir: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    // Ollama on a closed loopback port: these writes do not need it.
    const args = [SERVE, '--workspace', workspace, '--port', '0', '--token', TOKEN, '--data-dir', dataDir, '--ollama', 'http://127.0.0.1:9'];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const log: string[] = [];
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Open (http:\/\/[^/\s]+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child, log });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString()).slice(-20_000);
      log.push(chunk.toString());
    });
    child.on('exit', (code) => {
      if (code !== null && code !== 0) console.error(`a server exited with ${code}: ${err.slice(-2000)}`);
      reject(new Error(`serve exited with ${code}: ${err}`));
    });
  });
}

async function send(server: Server, method: string, route: string, body: unknown): Promise<{ ok: boolean; text: string }> {
  try {
    const res = await fetch(`${server.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { ok: res.status === 200, text: res.ok ? '' : `${res.status} ${await res.text()}` };
  } catch (error) {
    // Not acknowledged: counted as refused, with the reason (a reset socket, a server that died).
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
    return { ok: false, text: `request failed (${cause})${server.child.exitCode === null ? '' : `; server exited with ${server.child.exitCode}`}` };
  }
}

async function round(n: number): Promise<MultiWriterCounts & { seconds: number; acknowledgedPuts: number }> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-bench-multi-'));
  fs.mkdirSync(path.join(workspace, 'models'));
  fs.writeFileSync(path.join(workspace, 'models', 'Modelfile.x'), 'FROM llama3:latest\n');
  fs.copyFileSync(SEED, path.join(workspace, 'model_settings.json'));
  const dataDirs = [fs.mkdtempSync(path.join(os.tmpdir(), 'mw-bench-data-')), fs.mkdtempSync(path.join(os.tmpdir(), 'mw-bench-data-'))];
  const servers = [await startServer(workspace, dataDirs[0]!), await startServer(workspace, dataDirs[1]!)];
  const started = performance.now();
  try {
    const errors: string[] = [];
    let acknowledgedPuts = 0;
    const record = (result: { ok: boolean; text: string }) => {
      if (!result.ok) errors.push(result.text.slice(0, 200));
      return result.ok;
    };
    const editor = startEditor(path.join(workspace, 'model_settings.json'), { everyMs: EDITOR_EVERY_MS, halfPauseMs: 10, lock: EDITOR_LOCKS, save: EDITOR_SAVE });

    const writers = Array.from({ length: WRITERS }, async (_, i) => {
      const server = servers[i % 2]!;
      const own = `writer${i}/own:v1`;
      let lastPut: string | null = null;
      if (record(await send(server, 'POST', '/admin/models/add', newModel(own)))) {
        for (let p = 0; p < PUTS; p++) {
          const value = `round ${n} put ${p}`;
          if (record(await send(server, 'PUT', `/admin/models/${own}`, { description: value }))) {
            lastPut = value;
            acknowledgedPuts++;
          }
        }
      }
      return { added: [] as string[], own, lastPut, errors: [] };
    });
    const adders = servers.map(async (server, s) => {
      const added: string[] = [];
      for (let a = 0; a < ADDS; a++) {
        const name = `adder${s}/m-${a}:v1`;
        if (record(await send(server, 'POST', '/admin/models/add', newModel(name)))) added.push(name);
      }
      return { added, own: '', lastPut: null, errors: [] };
    });
    const reports = await Promise.all([...writers, ...adders]);
    const externalKeys = await editor.stop();
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    const counts = countLosses(workspace, reports, externalKeys);
    // Where an editor's save landed on a file being replaced: merged, cut short, or unseen.
    const logged = servers.flatMap((server) => server.log).join('');
    const orphanMerged = logged.split('while it was being replaced; merging its save').length - 1;
    const orphanIncomplete = logged.split('its save is incomplete').length - 1;
    const json = JSON.parse(fs.readFileSync(path.join(workspace, 'model_settings.json'), 'utf8')) as Record<string, unknown>;
    const lostKeys = externalKeys.filter((key) => !Object.hasOwn(json, key));
    const onReplaced = new Set(editor.landedOnReplacedFile());
    if (lostKeys.length > 0 || orphanIncomplete > 0) {
      console.log(
        `  saves that landed on a replaced file: ${onReplaced.size} (merged ${orphanMerged}, cut short ${orphanIncomplete}); ` +
          `lost keys: ${lostKeys.map((key) => `${key}${onReplaced.has(key) ? ' (on a replaced file)' : ''}`).join(', ') || 'none'}`,
      );
    }
    return { ...counts, errors, acknowledgedPuts, seconds: (performance.now() - started) / 1000 };
  } finally {
    for (const server of servers) server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const dir of [workspace, ...dataDirs]) fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(SERVE)) {
    console.error('out/main/serve.js is missing: run `npx electron-vite build` first.');
    process.exit(2);
  }
  console.log(`${ROUNDS} rounds: 2 servers, ${WRITERS} writers × ${PUTS} PUTs, 2 × ${ADDS} adds, an editor saving ${EDITOR_SAVE === 'rename' ? 'by rename' : 'in place'} every ${EDITOR_EVERY_MS} ms${EDITOR_LOCKS ? ' (with the lock)' : ' (without the lock)'}`);
  const total = { seconds: 0, acknowledgedPuts: 0, acknowledgedAdds: 0, lostAdds: 0, acknowledgedFinalPuts: 0, lostFinalPuts: 0, externalKeys: 0, lostExternalKeys: 0, invalidBackups: 0, errors: 0 };
  for (let n = 1; n <= ROUNDS; n++) {
    const r = await round(n);
    console.log(
      `round ${n}: ${r.seconds.toFixed(1)} s; PUTs acknowledged ${r.acknowledgedPuts}; adds lost ${r.lostAdds}/${r.acknowledgedAdds}; final PUT values lost ${r.lostFinalPuts}/${r.acknowledgedFinalPuts}; ` +
        `external keys lost ${r.lostExternalKeys}/${r.externalKeys}; invalid backups ${r.invalidBackups}; refused requests ${r.errors.length}`,
    );
    for (const error of new Set(r.errors)) console.log(`  refused: ${error}`);
    for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += key === 'errors' ? r.errors.length : r[key];
  }
  console.log(
    `total: ${total.seconds.toFixed(1)} s; PUTs acknowledged ${total.acknowledgedPuts}; adds lost ${total.lostAdds}/${total.acknowledgedAdds}; final PUT values lost ${total.lostFinalPuts}/${total.acknowledgedFinalPuts}; ` +
      `external keys lost ${total.lostExternalKeys}/${total.externalKeys}; invalid backups ${total.invalidBackups}; refused requests ${total.errors}`,
  );
  process.exit(total.lostAdds + total.lostFinalPuts + total.lostExternalKeys + total.invalidBackups === 0 ? 0 : 1);
}

void main();
