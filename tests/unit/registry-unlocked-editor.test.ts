import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { atomicEngineFactory, defaultEngineFactory, type RegistryEngine } from '../../src/main/registry/engine';
import { RegistryStore, type RegistryStoreOptions } from '../../src/main/registry/store';

const SEED_TEXT = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'models', 'model_settings.json'), 'utf8');

let ws: string;
let file: string;
const stores: RegistryStore[] = [];

beforeEach(() => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-unlocked-'));
  file = path.join(ws, 'model_settings.json');
  fs.writeFileSync(file, SEED_TEXT);
});
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  fs.rmSync(ws, { recursive: true, force: true });
});

function open(options: Partial<RegistryStoreOptions> = {}): RegistryStore {
  const store = new RegistryStore({ workspace: ws, watch: false, log: () => {}, ...options });
  stores.push(store);
  return store;
}

/** What an editor that takes no lock saves: the file as it is, plus one top-level key. */
function editedText(key: string): string {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  json[key] = { edited_by: 'editor' };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** Saves in place (truncates and rewrites the same file). */
function editorSaves(key: string): void {
  fs.writeFileSync(file, editedText(key));
}

/** Saves by rename, as editors with "atomic save" do. */
function editorSavesByRename(key: string): void {
  fs.writeFileSync(`${file}.editor-swap`, editedText(key));
  fs.renameSync(`${file}.editor-swap`, file);
}

const onDisk = () => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
const leftovers = () => fs.readdirSync(ws).filter((name) => name !== 'model_settings.json');

describe('an editor that takes no lock', () => {
  it('saving after the store checked the file but before the engine replaced it is merged, not written over', async () => {
    let saves = 0;
    const store = open({
      engine: (dir) => {
        const real = defaultEngineFactory(dir);
        const engine: RegistryEngine = {
          write: (...args: Parameters<RegistryEngine['write']>) => {
            if (saves++ === 0) editorSaves('saved_during_write');
            return real.write(...args);
          },
        };
        return engine;
      },
    });
    await store.setDefault(null);
    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(onDisk).toMatchObject({ saved_during_write: { edited_by: 'editor' }, default_model: null });
    expect(store.get().registry.default_model).toBeNull();
  });

  it.each([
    ['in place', editorSaves],
    ['by rename', editorSavesByRename],
  ])('saving %s after our temporary file is flushed, just before the check and rename, is merged', async (_how, save) => {
    let saves = 0;
    const store = open({ engine: atomicEngineFactory({ beforeCheck: () => saves++ === 0 && save('saved_before_rename') }) });
    await store.addModel({ name: 'added/by-app:v1', display_name: 'Added', modelfile: 'models/Modelfile.x', base_model: 'llama3:latest' });
    expect(saves).toBe(2);
    expect(onDisk()).toMatchObject({ saved_before_rename: { edited_by: 'editor' }, models: { 'added/by-app:v1': { display_name: 'Added' } } });
    expect(leftovers()).toEqual([]);
  });

  it('saving in place into the file our rename just replaced is merged on top of our write', async () => {
    let held: number | null = null;
    let saved = '';
    const store = open({
      engine: atomicEngineFactory({
        // The editor opens the file before our rename and writes into it after: its save lands on
        // a file that no longer has a name.
        beforeCheck: () => {
          if (held !== null || saved !== '') return;
          saved = editedText('saved_into_replaced_file');
          held = fs.openSync(file, 'r+');
        },
        afterRename: () => {
          if (held === null) return;
          fs.ftruncateSync(held, 0);
          fs.writeSync(held, saved, 0);
          fs.closeSync(held);
          held = null;
        },
      }),
    });
    await store.setDefault(null);
    expect(onDisk()).toMatchObject({ saved_into_replaced_file: { edited_by: 'editor' }, default_model: null });
    expect(store.get().registry.default_model).toBeNull();
    expect(leftovers()).toEqual([]);
  });

  it('saving by rename while our check reads the file (between the check and our rename) is merged, not renamed over', async () => {
    let saves = 0;
    const store = open({ engine: atomicEngineFactory({ afterCheck: () => saves++ === 0 && editorSavesByRename('saved_by_rename_during_check') }) });
    await store.setDefault(null);
    expect(onDisk()).toMatchObject({ saved_by_rename_during_check: { edited_by: 'editor' }, default_model: null });
    expect(leftovers()).toEqual([]);
  });

  it('saving into the replaced file after our write was answered (it opened the file before our rename) is merged', async () => {
    let held: number | null = null;
    let saved = '';
    const store = open({
      engine: atomicEngineFactory({
        beforeCheck: () => {
          if (held !== null || saved !== '') return;
          saved = editedText('saved_late_into_replaced_file');
          held = fs.openSync(file, 'r+');
        },
      }),
    });
    await store.setDefault(null);
    // The editor was paused between opening the file and writing; it writes now, into a file
    // that no longer has a name. Before the replaced file was watched, this save was lost.
    fs.ftruncateSync(held!, 0);
    fs.writeSync(held!, saved, 0);
    fs.closeSync(held!);
    await vi.waitFor(() => expect(onDisk()).toMatchObject({ saved_late_into_replaced_file: { edited_by: 'editor' }, default_model: null }), {
      timeout: 4000,
      interval: 50,
    });
    expect(leftovers()).toEqual([]);
  });

  it('saving into the replaced file in two pieces with a long pause between is merged once complete, not dropped as cut short', async () => {
    let held: number | null = null;
    let saved = '';
    let finished: Promise<void> = Promise.resolve();
    const log: string[] = [];
    const store = open({
      log: (message) => log.push(message),
      engine: atomicEngineFactory({
        beforeCheck: () => {
          if (held !== null || saved !== '') return;
          saved = editedText('saved_in_two_pieces');
          held = fs.openSync(file, 'r+');
        },
        afterRename: () => {
          if (held === null) return;
          const fd = held;
          held = null;
          const half = saved.length >> 1;
          fs.ftruncateSync(fd, 0);
          fs.writeSync(fd, saved.slice(0, half), 0);
          // A loaded machine: the editor's second piece comes 300 ms later, six settle waits.
          finished = new Promise((resolve) =>
            setTimeout(() => {
              fs.writeSync(fd, saved.slice(half), half);
              fs.closeSync(fd);
              resolve();
            }, 300),
          );
        },
      }),
    });
    await store.setDefault(null);
    await finished;
    expect(onDisk()).toMatchObject({ saved_in_two_pieces: { edited_by: 'editor' }, default_model: null });
    expect(log.filter((line) => line.includes('incomplete'))).toEqual([]);
  });

  it('that never stops saving gets a busy answer, and its file is not written over', async () => {
    let n = 0;
    const store = open({ engine: atomicEngineFactory({ beforeCheck: () => editorSaves(`save_${n++}`) }) });
    const error = await store.setDefault(null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('busy');
    expect((error as AppError).message).toMatch(/try again/);
    expect(onDisk()).toMatchObject({ default_model: 'peteollama:property-manager-v1', [`save_${n - 1}`]: { edited_by: 'editor' } });
    expect(leftovers()).toEqual([]);
  });

  const added = { name: 'added/by-app:v1', display_name: 'Added', modelfile: 'models/Modelfile.x', base_model: 'llama3:latest' };

  it('saving a version it read before our acknowledged write does not undo that write: ours is merged back', async () => {
    const store = open();
    const readByEditor = fs.readFileSync(file, 'utf8');
    await store.addModel(added);
    await store.setDefault(null);
    // The editor saves what it read before both writes, plus its own key.
    const stale = JSON.parse(readByEditor) as Record<string, unknown>;
    stale.saved_from_old_version = true;
    fs.writeFileSync(file, JSON.stringify(stale, null, 2));
    await store.reload();
    expect(onDisk()).toMatchObject({ saved_from_old_version: true, default_model: null, models: { [added.name]: { display_name: 'Added' } } });
    expect(store.get().registry.models[added.name]?.display_name).toBe('Added');
  });

  it('keeps a stale save where it changed the same thing we did', async () => {
    const store = open();
    const stale = JSON.parse(fs.readFileSync(file, 'utf8')) as { default_model: string | null };
    await store.setDefault('peteollama:property-manager-v2');
    stale.default_model = null;
    fs.writeFileSync(file, JSON.stringify(stale, null, 2));
    await store.reload();
    expect(onDisk().default_model).toBeNull();
  });

  it('respects a save made after reading our write, even one that undoes it', async () => {
    const store = open();
    await store.addModel(added);
    const json = onDisk() as { models: Record<string, unknown> };
    delete json.models[added.name];
    fs.writeFileSync(file, JSON.stringify(json, null, 2));
    await store.reload();
    expect(Object.hasOwn((onDisk() as { models: object }).models, added.name)).toBe(false);
    expect(Object.hasOwn(store.get().registry.models, added.name)).toBe(false);
  });

  it('saving the old version before our next write does not undo the previous one', async () => {
    const store = open();
    const readByEditor = fs.readFileSync(file, 'utf8');
    await store.addModel(added);
    fs.writeFileSync(file, readByEditor);
    await store.setDefault(null);
    expect(onDisk()).toMatchObject({ default_model: null, models: { [added.name]: { display_name: 'Added' } } });
  });

  it('saving into the replaced file a version older than an earlier write of ours keeps that write', async () => {
    const readByEditor = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    readByEditor.saved_into_replaced_file = true;
    let armed = false;
    let held: number | null = null;
    const store = open({
      engine: atomicEngineFactory({
        beforeCheck: () => {
          if (armed && held === null) held = fs.openSync(file, 'r+');
        },
        afterRename: () => {
          if (held === null) return;
          const text = JSON.stringify(readByEditor, null, 2);
          fs.ftruncateSync(held, 0);
          fs.writeSync(held, text, 0);
          fs.closeSync(held);
          held = -1;
        },
      }),
    });
    await store.addModel(added);
    armed = true;
    await store.setDefault(null);
    expect(onDisk()).toMatchObject({ saved_into_replaced_file: true, default_model: null, models: { [added.name]: { display_name: 'Added' } } });
  });

  it('that never stops saving gets a busy answer within about 2 s, and its file is not written over', async () => {
    let n = 0;
    const slowSave = () => {
      editorSaves(`save_${n++}`);
      // A loaded machine: each try takes long, so the tries stop on time, not on count.
      const until = Date.now() + 300;
      while (Date.now() < until);
    };
    const store = open({ engine: atomicEngineFactory({ beforeCheck: slowSave }) });
    const started = Date.now();
    const error = await store.setDefault(null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('busy');
    expect((error as AppError).message).toMatch(/try again/);
    expect(n).toBeLessThan(12);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(onDisk()).toMatchObject({ default_model: 'peteollama:property-manager-v1', [`save_${n - 1}`]: { edited_by: 'editor' } });
    expect(leftovers()).toEqual([]);
  });

  it('merging back a write that a stale save undid is tried again when the lock is busy', async () => {
    const store = open({ lockWaitMs: 100 });
    const readByEditor = fs.readFileSync(file, 'utf8');
    await store.addModel(added);
    fs.writeFileSync(file, readByEditor);
    const release = lockfile.lockSync(file, { realpath: false });
    await store.reload();
    expect(Object.hasOwn((onDisk() as { models: object }).models, added.name)).toBe(false);
    release();
    await vi.waitFor(() => expect(Object.hasOwn((onDisk() as { models: object }).models, added.name)).toBe(true), { timeout: 3000, interval: 50 });
  });
});
