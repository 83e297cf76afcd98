import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { statusForKind } from '../../src/main/http/error-status';
import { RegistryStore, type RegistryStoreOptions } from '../../src/main/registry/store';

const SEED_TEXT = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'models', 'model_settings.json'), 'utf8');
const V1 = 'peteollama:property-manager-v1';

let ws: string;
let file: string;
const stores: RegistryStore[] = [];

beforeEach(() => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-lock-'));
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

const backups = () => fs.readdirSync(ws).filter((name) => name.includes('.invalid-'));

describe('the cross-process lock', () => {
  it('answers busy, and changes nothing, when another program holds the lock past the wait', async () => {
    const release = await lockfile.lock(file, { realpath: false, stale: 10_000 });
    try {
      const store = open({ lockWaitMs: 300 });
      const started = Date.now();
      const error = await store.setDefault(null).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).kind).toBe('busy');
      expect((error as AppError).message).toMatch(/Another program is writing the registry .* try again/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(280);
      expect(statusForKind('busy', 'rpc')).toBe(503);
      expect(fs.readFileSync(file, 'utf8')).toBe(SEED_TEXT);
    } finally {
      await release();
    }
  });

  it('waits for a lock that is released meanwhile, then writes on top of what that program wrote', async () => {
    const release = await lockfile.lock(file, { realpath: false });
    const store = open();
    const write = store.setDefault(null);
    const edited = JSON.parse(SEED_TEXT) as Record<string, unknown>;
    edited.written_by_other = true;
    fs.writeFileSync(file, JSON.stringify(edited, null, 2));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await release();
    await write;
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(json).toMatchObject({ written_by_other: true, default_model: null });
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('takes over a lock left by a program that died', async () => {
    fs.mkdirSync(`${file}.lock`);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(`${file}.lock`, old, old);
    await open({ lockWaitMs: 1000 }).setDefault(null);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).default_model).toBeNull();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('locks a registry that does not exist yet', async () => {
    fs.rmSync(file);
    await open().addModel({ name: 'me/first:v1', display_name: 'First', modelfile: 'models/Modelfile.x' });
    expect(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).models)).toEqual(['me/first:v1']);
  });
});

describe('a program that does not take the lock', () => {
  it('saving between the re-read and the write is not written over: the change is redone on its version', async () => {
    const store = open();
    let runs = 0;
    await store.update((draft) => {
      runs++;
      if (runs === 1) {
        const edited = JSON.parse(SEED_TEXT) as Record<string, unknown>;
        edited.saved_meanwhile = true;
        fs.writeFileSync(file, JSON.stringify(edited, null, 2));
      }
      draft.default_model = null;
    });
    expect(runs).toBe(2);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ saved_meanwhile: true, default_model: null });
  });
});

describe('a half-written file', () => {
  function halfWrite(text: string): () => void {
    const half = Math.floor(text.length / 2);
    fs.writeFileSync(file, text.slice(0, half));
    return () => fs.writeFileSync(file, text);
  }

  it('is given time to settle before a write, so an in-place save is merged and not backed up', async () => {
    const store = open({ settle: { tries: 5, delayMs: 50 } });
    const edited = JSON.parse(SEED_TEXT) as Record<string, unknown>;
    edited.saved_by_editor = 'yes';
    const finish = halfWrite(JSON.stringify(edited, null, 2));
    setTimeout(finish, 120);
    await store.setDefault(null);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ saved_by_editor: 'yes', default_model: null });
    expect(backups()).toEqual([]);
  });

  it('is given time to settle before a reload reports it', async () => {
    const store = open({ settle: { tries: 5, delayMs: 50 } });
    const finish = halfWrite(SEED_TEXT.replace('"default_model": "peteollama:property-manager-v1"', '"default_model": null'));
    setTimeout(finish, 120);
    const snapshot = await store.reload();
    expect(snapshot).toMatchObject({ readOnly: false, problem: null });
    expect(snapshot.registry.default_model).toBeNull();
    expect(backups()).toEqual([]);
  });

  it('that stays broken is declared invalid and copied aside once the waits are over', async () => {
    const store = open({ settle: { tries: 2, delayMs: 20 } });
    halfWrite(SEED_TEXT);
    const snapshot = await store.reload();
    expect(snapshot.readOnly).toBe(true);
    expect(backups()).toHaveLength(1);
    expect(snapshot.registry.models[V1]?.name).toBe(V1);
  });
});

describe('the folder watcher', () => {
  it('ignores the lock folder and temporary files next to the registry', async () => {
    const seen: unknown[] = [];
    open({ watch: true, watchDebounceMs: 10, onChange: (s) => seen.push(s) });
    fs.mkdirSync(`${file}.lock`);
    fs.rmdirSync(`${file}.lock`);
    fs.writeFileSync(`${file}.tmp-123456abcdef`, 'partial');
    fs.rmSync(`${file}.tmp-123456abcdef`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(seen).toEqual([]);
    fs.writeFileSync(file, SEED_TEXT.replace('"default_model": "peteollama:property-manager-v1"', '"default_model": null'));
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 3000, interval: 20 });
  });
});
