import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { REGISTRY_LIMITS } from '../../src/shared/registry-limits';
import { checkWritable } from '../../src/main/registry/check-change';
import { parseRegistryText } from '../../src/main/registry/parse';
import { RegistryStore } from '../../src/main/registry/store';

const SEED_TEXT = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'models', 'model_settings.json'), 'utf8');
const V1 = 'peteollama:property-manager-v1';

let ws: string;
let file: string;
const stores: RegistryStore[] = [];

beforeEach(() => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-limits-'));
  file = path.join(ws, 'model_settings.json');
  fs.writeFileSync(file, SEED_TEXT);
});
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  fs.rmSync(ws, { recursive: true, force: true });
});

function open(): RegistryStore {
  const store = new RegistryStore({ workspace: ws, watch: false, log: () => {}, settle: { tries: 0, delayMs: 0 } });
  stores.push(store);
  return store;
}

function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('values accepted into the registry', () => {
  it.each([40, 2000])('refuses an unknown key nested %i levels deep, naming the field, and writes nothing', async (levels) => {
    const store = open();
    const error = await rejection(store.updateModel(V1, { extra: nested(levels) } as never));
    expect(error.kind).toBe('validation');
    expect(error.message).toContain(`models["${V1}"].extra`);
    expect(error.message).toMatch(/deeper than 32 levels/);
    expect(error.issues?.[0]?.path).toMatch(/^models\["peteollama:property-manager-v1"\]\.extra/);
    expect(fs.readFileSync(file, 'utf8')).toBe(SEED_TEXT);
    // And the registry still takes ordinary writes afterwards.
    await store.updateModel(V1, { description: 'still writable' });
    expect(store.get().registry.models[V1]?.description).toBe('still writable');
  });

  it('accepts nesting up to the limit', async () => {
    const store = open();
    // The file is level 1, models 2, the entry 3, its key 4: 29 more levels fit.
    await store.updateModel(V1, { extra: nested(REGISTRY_LIMITS.maxDepth - 4) } as never);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).models[V1].extra).toEqual(nested(REGISTRY_LIMITS.maxDepth - 4));
  });

  it('refuses an entry larger than the per-entry limit, naming it', async () => {
    const store = open();
    const error = await rejection(store.updateModel(V1, { notes: 'x'.repeat(REGISTRY_LIMITS.maxEntryBytes) } as never));
    expect(error.kind).toBe('validation');
    expect(error.message).toMatch(/models\["peteollama:property-manager-v1"\] is 6[45] KiB as JSON; one entry may have at most 64 KiB/);
    expect(fs.readFileSync(file, 'utf8')).toBe(SEED_TEXT);
  });

  it('refuses a value that would not read back the same (NaN, Infinity)', async () => {
    const store = open();
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = await rejection(
        store.update((draft) => {
          (draft as Record<string, unknown>).weird = bad;
        }),
      );
      expect(error.message).toMatch(/cannot be written as JSON and read back/);
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(SEED_TEXT);
  });

  it('refuses a result larger than the file limit', () => {
    const value = { big: 'x'.repeat(REGISTRY_LIMITS.maxFileBytes) };
    expect(() => checkWritable(value, `${JSON.stringify(value)}\n`)).toThrow(/too large: it would be 8\.0 MiB, and the registry may have at most 8\.0 MiB/);
  });
});

describe('a file on disk beyond the limits', () => {
  it('nested too deep is a registry problem with its line, not a stack overflow', async () => {
    const json = JSON.parse(SEED_TEXT) as Record<string, unknown>;
    json.deep = nested(2000);
    fs.writeFileSync(file, JSON.stringify(json, null, 1));
    const store = open();
    const { problem, readOnly } = store.get();
    expect(readOnly).toBe(true);
    expect(problem?.message).toMatch(/nested more than 32 levels deep/);
    expect(problem?.line).toBeGreaterThan(1);
    expect((await rejection(store.setDefault(null))).kind).toBe('read_only');
  });

  it('nested 200,000 levels deep is reported too', () => {
    fs.writeFileSync(file, `${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expect(open().get().problem?.message).toMatch(/nested more than 32 levels deep/);
  });

  it('larger than the file limit is reported without being read or copied', () => {
    fs.writeFileSync(file, `{"pad": "${'x'.repeat(REGISTRY_LIMITS.maxFileBytes)}"}`);
    const { problem, readOnly } = open().get();
    expect(readOnly).toBe(true);
    expect(problem).toMatchObject({ backupPath: null });
    expect(problem?.message).toMatch(/is too large: it is 8\.0 MiB, and the registry may have at most 8\.0 MiB/);
  });

  it('is refused by the import path too', () => {
    const parsed = parseRegistryText(JSON.stringify({ models: {}, deep: nested(100) }), 'import.json');
    expect(parsed.ok).toBe(false);
  });
});
