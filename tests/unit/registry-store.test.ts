import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RegistrySnapshot } from '../../src/shared/contract';
import { AppError } from '../../src/shared/errors';
import { EventBus } from '../../src/main/events';
import { defaultEngineFactory, type RegistryEngine } from '../../src/main/registry/engine';
import { RegistryStore, type RegistryStoreOptions } from '../../src/main/registry/store';

const SEED_TEXT = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'models', 'model_settings.json'), 'utf8');
const NOW = new Date('2026-03-04T05:06:07.000Z');
const V1 = 'peteollama:property-manager-v1';
const V2 = 'peteollama:property-manager-v2';

let ws: string;
let file: string;
const stores: RegistryStore[] = [];

beforeEach(() => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-registry-'));
  file = path.join(ws, 'model_settings.json');
  fs.mkdirSync(path.join(ws, 'models'));
});
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  fs.rmSync(ws, { recursive: true, force: true });
});

function open(options: Partial<RegistryStoreOptions> = {}): RegistryStore {
  const store = new RegistryStore({ workspace: ws, clock: () => NOW, watch: false, log: () => {}, ...options });
  stores.push(store);
  return store;
}

function writeSeed(): void {
  fs.writeFileSync(file, SEED_TEXT);
}

function backups(): string[] {
  return fs.readdirSync(ws).filter((name) => name.startsWith('model_settings.json.invalid-'));
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a rejection');
}

const newModel = (name: string) => ({ name, display_name: `Model ${name}`, modelfile: 'models/Modelfile.x', base_model: 'llama3:latest' });

describe('loading', () => {
  it('opens a file copied verbatim from the seed, unchanged and without rewriting it', async () => {
    writeSeed();
    const before = fs.statSync(file);
    const store = open();
    const snapshot = store.get();
    expect(snapshot.problem).toBeNull();
    expect(snapshot.readOnly).toBe(false);
    expect(snapshot.registry.default_model).toBe(V1);
    expect(snapshot.registry.models[V1]).toMatchObject({ status: 'available', is_jamie_model: true });
    expect(snapshot.registry.base_models['llama3:latest']?.size).toBe('4.7 GB');
    expect(snapshot.workspace).toEqual({ path: ws, name: path.basename(ws), registryPath: file });

    await store.reload();
    await store.update(() => {}); // a no-op change writes nothing
    await store.update((draft) => {
      draft.models[V1]!.display_name = 'PeteOllama Property Manager v1'; // same value
    });
    const after = fs.statSync(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(SEED_TEXT);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.ino).toBe(before.ino);
  });

  it('serves an empty registry when there is no file, and the first write creates it', async () => {
    const store = open();
    expect(store.get()).toMatchObject({ readOnly: false, problem: null, registry: { models: {}, base_models: {}, default_model: null } });
    expect(fs.existsSync(file)).toBe(false);
    await store.addModel(newModel('me/first:v1'));
    expect(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).models)).toEqual(['me/first:v1']);
  });

  it('reads a file that starts with a byte-order mark', () => {
    fs.writeFileSync(file, `\uFEFF${SEED_TEXT}`);
    expect(open().get().problem).toBeNull();
  });
});

describe('writes', () => {
  it('keeps unknown keys and the key order of the file; changes only what changed', async () => {
    const seed = JSON.parse(SEED_TEXT) as Record<string, unknown>;
    seed.custom_top = { keep: [1, 2] };
    (seed.base_models as Record<string, Record<string, unknown>>)['qwen3:30b']!.quantization = 'q4';
    fs.writeFileSync(file, `${JSON.stringify(seed, null, 2)}\n`);

    const store = open();
    await store.updateModel(V2, { display_name: 'Renamed', is_jamie_model: false });

    const expected = structuredClone(seed) as { models: Record<string, Record<string, unknown>>; last_updated: string };
    expected.models[V2]!.display_name = 'Renamed';
    expected.models[V2]!.is_jamie_model = false;
    expected.models[V2]!.last_updated = NOW.toISOString();
    expected.last_updated = NOW.toISOString();
    expect(fs.readFileSync(file, 'utf8')).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });

  it('stores names with dots as whole keys', async () => {
    writeSeed();
    const store = open();
    await store.addModel(newModel('me/llama3.2:v1.5'));
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { models: Record<string, { name: string }> };
    expect(json.models['me/llama3.2:v1.5']?.name).toBe('me/llama3.2:v1.5');
    expect(Object.keys(json)).not.toContain('me/llama3');
  });

  it('loses no update when 50 run at once', async () => {
    writeSeed();
    const store = open();
    const names = Array.from({ length: 50 }, (_, i) => `me/model-${i}:v1`);
    await Promise.all(names.map((name) => store.addModel(newModel(name))));
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { models: Record<string, unknown> };
    for (const name of [...names, V1, V2]) expect(json.models).toHaveProperty([name]);
    expect(Object.keys(store.get().registry.models)).toHaveLength(52);
  });

  it('re-reads the file before writing, so an edit made by another program is kept', async () => {
    writeSeed();
    const store = open();
    const edited = JSON.parse(SEED_TEXT) as { models: Record<string, Record<string, unknown>> };
    edited.models[V1]!.description = 'edited in a text editor';
    fs.writeFileSync(file, JSON.stringify(edited, null, 2));

    await store.updateModel(V2, { description: 'edited in the app' });
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof edited;
    expect(json.models[V1]!.description).toBe('edited in a text editor');
    expect(json.models[V2]!.description).toBe('edited in the app');
  });

  it('redoes an async change when another program wrote while it waited', async () => {
    writeSeed();
    const store = open();
    let runs = 0;
    await store.update(async (draft) => {
      runs++;
      if (runs === 1) {
        const edited = JSON.parse(SEED_TEXT) as { default_model: string | null };
        edited.default_model = V2;
        fs.writeFileSync(file, JSON.stringify(edited, null, 2));
      }
      await Promise.resolve();
      draft.models[V1]!.description = 'from the app';
    });
    expect(runs).toBe(2);
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { default_model: string; models: Record<string, { description: string }> };
    expect(json.default_model).toBe(V2);
    expect(json.models[V1]!.description).toBe('from the app');
  });

  it('refuses a change that would make the registry invalid, and writes nothing', async () => {
    writeSeed();
    const store = open();
    const error = await rejection(
      store.update((draft) => {
        draft.default_model = 'nobody:latest';
      }),
    );
    expect(error.kind).toBe('validation');
    expect(error.message).toMatch(/default_model/);
    expect(fs.readFileSync(file, 'utf8')).toBe(SEED_TEXT);
  });

  it('writes through the engine it is given, with the version of the file it built on', async () => {
    writeSeed();
    const written: Array<{ text: string; expected: string | null }> = [];
    const store = open({
      engine: (dir) => {
        const real = defaultEngineFactory(dir);
        const engine: RegistryEngine = {
          write(text, expected) {
            written.push({ text, expected: expected.kind === 'text' ? expected.text : null });
            return real.write(text, expected);
          },
        };
        return engine;
      },
    });
    await store.setDefault(V2);
    expect(written).toHaveLength(1);
    expect(JSON.parse(written[0]!.text).default_model).toBe(V2);
    expect(written[0]!.expected).toBe(SEED_TEXT);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).default_model).toBe(V2);
  });

  it('announces every write on the event bus and to subscribers', async () => {
    writeSeed();
    const bus = new EventBus();
    const events: unknown[] = [];
    bus.subscribe((event, payload) => events.push([event, (payload as RegistrySnapshot).registry.default_model]));
    const store = open({ bus });
    const seen: Array<string | null> = [];
    store.subscribe((snapshot) => seen.push(snapshot.registry.default_model));
    await store.setDefault(null);
    expect(events).toEqual([['registry.changed', null]]);
    expect(seen).toEqual([null]);
  });
});

describe('operations', () => {
  beforeEach(writeSeed);

  it('adds a model as pending with its times, keeping extra keys', async () => {
    const store = open();
    const entry = await store.addModel({ ...newModel('me/new:v1'), status: 'available', is_jamie_model: false });
    expect(entry).toMatchObject({ status: 'pending', created_at: NOW.toISOString(), last_updated: NOW.toISOString(), is_jamie_model: false, show_in_ui: true });
    expect(store.get().registry.models['me/new:v1']).toEqual(entry);
  });

  it('refuses a name that exists, compared the way Ollama compares names', async () => {
    const store = open();
    const error = await rejection(store.addModel(newModel('PeteOllama:Property-Manager-V1')));
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain(`"${V1}"`);
  });

  it('refuses an invalid name and a Modelfile outside the workspace', async () => {
    const store = open();
    const badName = await rejection(store.addModel(newModel('bad name!')));
    expect(badName.kind).toBe('validation');
    expect(badName.issues?.[0]?.path).toBe('name');
    const escape = await rejection(store.addModel({ ...newModel('me/x:v1'), modelfile: '../../etc/passwd' }));
    expect(escape.kind).toBe('validation');
    expect(escape.issues?.[0]?.path).toBe('modelfile');
    expect(fs.readFileSync(file, 'utf8')).toBe(SEED_TEXT);
  });

  it('updates editable fields, and refuses unknown names and protected fields', async () => {
    const store = open();
    const entry = await store.updateModel(V1, { display_name: 'New name', show_in_ui: false });
    expect(entry).toMatchObject({ display_name: 'New name', show_in_ui: false, status: 'available', last_updated: NOW.toISOString() });
    expect((await rejection(store.updateModel('nobody:v1', { display_name: 'x' }))).kind).toBe('not_found');
    const protectedField = await rejection(store.updateModel(V1, { status: 'missing' } as never));
    expect(protectedField.kind).toBe('validation');
    expect(protectedField.issues?.[0]?.path).toBe('status');
  });

  it('sets and clears the default model, which must exist', async () => {
    const store = open();
    expect((await store.setDefault('PETEOLLAMA:property-manager-v2')).registry.default_model).toBe(V2);
    expect((await store.setDefault(null)).registry.default_model).toBeNull();
    expect((await rejection(store.setDefault('nobody:v1'))).kind).toBe('not_found');
  });

  it('sets a status with its failure reason, and clears the reason on success', async () => {
    const store = open();
    await store.setStatus(V2, 'failed', { failure_reason: 'pull model manifest: file does not exist' });
    expect(store.get().registry.models[V2]).toMatchObject({ status: 'failed', failure_reason: 'pull model manifest: file does not exist' });
    await store.setStatus(V2, 'available');
    expect(store.get().registry.models[V2]?.failure_reason).toBeUndefined();
  });
});

describe('an invalid file', () => {
  it('is never overwritten: it is copied aside once, reported with line and column, and writes are refused', async () => {
    const bad = SEED_TEXT.replace('"show_in_ui": true,\n      "auto_preload": false,', '"show_in_ui": true,\n      "auto_preload": false,,');
    fs.writeFileSync(file, bad);
    const store = open();
    const { problem, readOnly, registry } = store.get();
    expect(readOnly).toBe(true);
    expect(registry.models).toEqual({});
    expect(problem).toMatchObject({ file, line: 26, column: 29 });
    expect(problem?.message).toMatch(/^model_settings\.json is not valid JSON: line 26, column 29: found "," where a property name in double quotes was expected/);
    expect(problem?.backupPath).toBe(path.join(ws, backups()[0]!));
    expect(fs.readFileSync(problem!.backupPath!, 'utf8')).toBe(bad);

    const error = await rejection(store.addModel(newModel('me/x:v1')));
    expect(error.kind).toBe('read_only');
    expect(error.message).toContain(problem!.backupPath!);
    expect(error.message).toMatch(/Fix the file/);
    expect(fs.readFileSync(file, 'utf8')).toBe(bad);

    // Same content again, even from a new store: no second copy.
    await store.reload();
    open();
    expect(backups()).toHaveLength(1);
  });

  it('reports each schema problem with its field path, and points at the first', () => {
    fs.writeFileSync(file, SEED_TEXT.replace('"show_in_ui": true,\n      "auto_preload": false', '"show_in_ui": "yes",\n      "auto_preload": false'));
    const { problem } = open().get();
    expect(problem?.issues).toEqual([{ path: `models["${V2}"].show_in_ui`, message: 'expected boolean, received string' }]);
    expect(problem?.message).toContain(`models["${V2}"].show_in_ui: expected boolean, received string`);
    expect(problem).toMatchObject({ line: 25, column: 21 });
  });

  it('keeps serving the last good state when it turns invalid, and resumes once fixed', async () => {
    writeSeed();
    const store = open();
    fs.writeFileSync(file, '{ "models": ');
    const broken = await store.reload();
    expect(broken.readOnly).toBe(true);
    expect(broken.registry.models[V1]?.name).toBe(V1);
    expect(broken.problem?.message).toMatch(/the file ends where a value was expected/);

    fs.writeFileSync(file, '{ "models": {} ');
    await store.reload();
    expect(backups()).toHaveLength(2); // a different bad content gets its own copy

    writeSeed();
    const fixed = await store.reload();
    expect(fixed).toMatchObject({ readOnly: false, problem: null });
    await store.setDefault(V2);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).default_model).toBe(V2);
  });

  it('refuses a write when the file turned invalid since the last read', async () => {
    writeSeed();
    const store = open();
    fs.writeFileSync(file, 'not json');
    expect((await rejection(store.setDefault(V2))).kind).toBe('read_only');
    expect(fs.readFileSync(file, 'utf8')).toBe('not json');
  });

  it('reports a file that cannot be read as a problem, and recovers when it can', async () => {
    fs.mkdirSync(file); // reading a folder fails with EISDIR
    const store = open();
    expect(store.get()).toMatchObject({ readOnly: true, problem: { message: 'model_settings.json cannot be read (it is a folder, not a file).' } });
    fs.rmdirSync(file);
    writeSeed();
    expect(await store.reload()).toMatchObject({ readOnly: false, problem: null });
  });

  it('treats an empty file as a problem without a backup copy', () => {
    fs.writeFileSync(file, '');
    const { problem, readOnly } = open().get();
    expect(readOnly).toBe(true);
    expect(problem).toMatchObject({ message: 'model_settings.json is empty.', backupPath: null });
    expect(backups()).toEqual([]);
  });
});

describe('watching', () => {
  it('picks up an edit made by another program, and not its own writes', async () => {
    writeSeed();
    const seen: RegistrySnapshot[] = [];
    const store = open({ watch: true, watchDebounceMs: 20, onChange: (s) => seen.push(s) });

    await store.setDefault(V2);
    expect(seen).toHaveLength(1);

    const edited = JSON.parse(fs.readFileSync(file, 'utf8')) as { default_model: string | null };
    edited.default_model = null;
    fs.writeFileSync(file, JSON.stringify(edited, null, 2));
    await vi.waitFor(() => expect(seen.at(-1)?.registry.default_model).toBeNull(), { timeout: 3000, interval: 20 });
    // Our own write caused no extra announcement.
    expect(seen.map((s) => s.registry.default_model)).toEqual([V2, null]);
  });

  it('reports an edit that makes the file invalid, and resumes when it is fixed', async () => {
    writeSeed();
    const seen: RegistrySnapshot[] = [];
    const store = open({ watch: true, watchDebounceMs: 20, onChange: (s) => seen.push(s) });
    fs.writeFileSync(file, '{');
    await vi.waitFor(() => expect(seen.at(-1)?.readOnly).toBe(true), { timeout: 3000, interval: 20 });
    expect(seen.at(-1)?.registry.models[V1]?.name).toBe(V1);
    writeSeed();
    await vi.waitFor(() => expect(seen.at(-1)?.readOnly).toBe(false), { timeout: 3000, interval: 20 });
    await store.setDefault(V2);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).default_model).toBe(V2);
  });
});
