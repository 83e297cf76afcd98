import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicEngineFactory } from '../../src/main/registry/engine';
import { RegistryStore, type RegistryStoreOptions } from '../../src/main/registry/store';

/**
 * The last gap of an editor that saves by rename without our lock: its rename landing after our
 * last look at the name and before our own rename. A plain rename dropped that save; the swap
 * (swap-in.ts) keeps what it replaces until it has seen it is the file that was checked.
 */

const SEED_TEXT = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'models', 'model_settings.json'), 'utf8');
const ADDED = { name: 'added/by-app:v1', display_name: 'Added', modelfile: 'models/Modelfile.x', base_model: 'llama3:latest' };

let ws: string;
let file: string;
const stores: RegistryStore[] = [];

beforeEach(() => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-swap-'));
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

/** What an editor that read the file now would save: it plus one top-level key. */
function editedText(key: string): string {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  json[key] = { edited_by: 'editor' };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** An "atomic save": a new file renamed over the name. */
function renameIn(text: string): void {
  fs.writeFileSync(`${file}.editor-swap`, text);
  fs.renameSync(`${file}.editor-swap`, file);
}

const onDisk = () => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown> & { models: Record<string, unknown> };
const leftovers = () => fs.readdirSync(ws).filter((name) => name !== 'model_settings.json');

describe('an editor saving by rename at the moment of our rename', () => {
  it('renaming its save in after our last look at the name, right before our rename, is merged, not renamed over', async () => {
    let saves = 0;
    const store = open({ engine: atomicEngineFactory({ beforeRename: () => saves++ === 0 && renameIn(editedText('saved_after_last_look')) }) });
    await store.addModel(ADDED);
    expect(saves).toBeGreaterThanOrEqual(1);
    expect(onDisk()).toMatchObject({ saved_after_last_look: { edited_by: 'editor' }, models: { [ADDED.name]: { display_name: 'Added' } } });
    expect(store.get().registry.models[ADDED.name]).toBeDefined();
    expect(leftovers()).toEqual([]);
  });

  it('renaming its save in while the old file is aside: ours is not linked over it, and the change is redone on its save', async () => {
    let pending: string | null = null;
    let saves = 0;
    let swaps = 0;
    const store = open({
      engine: atomicEngineFactory({
        // It read the file before our swap and renames its save in between our two steps.
        beforeRename: () => void (saves === 0 && (pending = editedText('saved_while_name_absent'))),
        nameAbsent: () => {
          swaps++;
          if (pending === null || saves > 0) return;
          saves++;
          renameIn(pending);
        },
      }),
    });
    await store.addModel(ADDED);
    // Ours did not land the first time: the change was redone on the editor's save.
    expect([saves, swaps]).toEqual([1, 2]);
    expect(onDisk()).toMatchObject({ saved_while_name_absent: { edited_by: 'editor' }, models: { [ADDED.name]: { display_name: 'Added' } } });
    expect(leftovers()).toEqual([]);
  });
});

describe('the instant the name is absent', () => {
  it('another program reading then finds the old file put back, not an empty registry; the writer redoes its change', async () => {
    let seenByReader: string[] | null = null;
    let reads = 0;
    const writer = open({
      engine: atomicEngineFactory({
        nameAbsent: () => {
          if (reads++ > 0) return;
          expect(fs.existsSync(file)).toBe(false);
          seenByReader = Object.keys(open().get().registry.models);
        },
      }),
    });
    const before = Object.keys(writer.get().registry.models);
    await writer.addModel(ADDED);
    expect(before.length).toBeGreaterThan(0);
    expect(seenByReader).toEqual(before);
    expect(Object.keys(onDisk().models)).toEqual([...before, ADDED.name]);
    expect(leftovers()).toEqual([]);
  });

  it('after a crash between the two steps (the old file aside, no file at the name), opening the workspace puts it back', () => {
    fs.renameSync(file, `${file}.replaced-0123456789ab`);
    const store = open();
    expect(store.get().problem).toBeNull();
    expect(Object.keys(store.get().registry.models)).toEqual(Object.keys((JSON.parse(SEED_TEXT) as { models: object }).models));
    expect(fs.readFileSync(file, 'utf8')).toBe(SEED_TEXT);
    expect(leftovers()).toEqual([]);
  });
});
