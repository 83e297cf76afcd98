import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspectJson } from '../../src/shared/json-position';
import { RegistryStore } from '../../src/main/registry/store';

const SEED_TEXT = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'models', 'model_settings.json'), 'utf8');
const V1 = 'peteollama:property-manager-v1';

let ws: string;
let file: string;
const stores: RegistryStore[] = [];

beforeEach(() => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-exact-'));
  file = path.join(ws, 'model_settings.json');
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

/** The seed with `insert` placed right after the opening brace of the file (or of model V1's entry). */
function seedWith(insert: string, where: 'top' | 'entry' = 'top'): string {
  if (where === 'top') return SEED_TEXT.replace(/^\{\n/, `{\n  ${insert},\n`);
  return SEED_TEXT.replace(`"${V1}": {\n`, `"${V1}": {\n      ${insert},\n`);
}

describe('duplicate keys', () => {
  it('are a registry problem naming the key and both lines, not silently collapsed', async () => {
    const text = seedWith('"description": "first"', 'entry');
    fs.writeFileSync(file, text);
    const store = open();
    const { problem, readOnly } = store.get();
    expect(readOnly).toBe(true);
    const lines = text.split('\n');
    const first = lines.findIndex((line) => line.includes('"description": "first"')) + 1;
    const second = lines.findIndex((line, i) => i >= first && line.includes('"description"')) + 1;
    expect(problem?.line).toBe(second);
    expect(problem?.message).toContain(`has a duplicate key: line ${second}, column 7: found the key "description" a second time in the same object (first on line ${first})`);
    await expect(store.setDefault(null)).rejects.toMatchObject({ kind: 'read_only' });
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  it('in different objects are fine', () => {
    expect(inspectJson('{"a": {"x": 1}, "b": {"x": 2}}', { duplicateKeys: true }).problem).toBeNull();
  });
});

describe('numbers', () => {
  it.each(['12345678901234567890', '-98765432109876543210', '0.1000000000000000055511151231257827', '1e400'])(
    'keeps %s in unknown keys exactly through a write',
    async (number) => {
      fs.writeFileSync(file, seedWith(`"big_top": ${number}`).replace(`"${V1}": {\n`, `"${V1}": {\n      "big_entry": [${number}, 1.5],\n`));
      const store = open();
      expect(store.get().problem).toBeNull();
      await store.setDefault(null);
      const text = fs.readFileSync(file, 'utf8');
      expect(text).toContain(`"big_top": ${number},`);
      expect(text).toContain(`"big_entry": [\n        ${number},\n        1.5\n      ]`);
      // A later write keeps it too (the copy the app edits carries the exact value).
      await store.updateModel(V1, { description: 'again' });
      expect(fs.readFileSync(file, 'utf8')).toContain(`"big_top": ${number},`);
    },
  );

  it('sends the nearest number to the UI', () => {
    fs.writeFileSync(file, seedWith('"big_top": 12345678901234567890'));
    const sent = JSON.parse(JSON.stringify(open().get().registry)) as { big_top: unknown };
    expect(sent.big_top).toBe(12345678901234567000);
  });
});

describe('keys named __proto__', () => {
  it('stay as data at the top, in an entry and as a model name, and are written back', async () => {
    let text = seedWith('"__proto__": {"polluted": true}');
    text = text.replace(`"${V1}": {\n`, `"${V1}": {\n      "__proto__": {"entry_level": 1},\n`);
    text = text.replace('"models": {\n', '"models": {\n    "__proto__": {"name": "__proto__", "display_name": "Odd", "modelfile": "models/x"},\n');
    fs.writeFileSync(file, text);
    const store = open();
    const { registry, problem } = store.get();
    expect(problem).toBeNull();
    expect(Object.getPrototypeOf(registry)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(registry.models)).toBe(Object.prototype);
    expect(Object.hasOwn(registry, '__proto__')).toBe(true);
    expect(Object.hasOwn(registry.models, '__proto__')).toBe(true);
    expect((registry as Record<string, unknown>).polluted).toBeUndefined();

    await store.updateModel(V1, { description: 'write it back' });
    const written = fs.readFileSync(file, 'utf8');
    expect(written).toContain('"__proto__": {\n    "polluted": true\n  }');
    expect(written).toContain('"__proto__": {\n        "entry_level": 1\n      }');
    expect(written).toMatch(/"models": \{\n {4}"__proto__": \{\n {6}"name": "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
