import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyImport, importSelectionSchema } from '../../src/shared/import-apply';
import { mergeModelEntry, planImport, sameJson, type ImportSource } from '../../src/shared/import-plan';
import { registrySchema, type Registry } from '../../src/shared/registry';

const SEED_TEXT = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'models', 'model_settings.json'), 'utf8');
const V1 = 'peteollama:property-manager-v1';
const V2 = 'peteollama:property-manager-v2';
const NOW = new Date('2026-01-02T03:04:05.000Z');

function seedRaw(): ImportSource & Record<string, unknown> {
  return JSON.parse(SEED_TEXT) as ImportSource & Record<string, unknown>;
}
function seedRegistry(): Registry {
  return registrySchema.parse(JSON.parse(SEED_TEXT));
}

/** A registry of this machine: v1 as in the seed but renamed in the UI and with a flag of its own; another model; llama3 listed. */
function current(): Registry {
  const seed = seedRegistry();
  const v1 = seed.models[V1]!;
  return registrySchema.parse({
    default_model: 'mine:v1',
    models: {
      [V1]: { ...v1, display_name: 'PM one (mine)', my_flag: 'keep me', status: 'missing' },
      'mine:v1': { name: 'mine:v1', display_name: 'Mine', modelfile: 'models/Modelfile.mine', status: 'available', team: { owner: 'ada' } },
    },
    base_models: { 'llama3:latest': { ...seed.base_models['llama3:latest']!, status: 'missing', local_note: 'fast disk' } },
  });
}

describe('planImport', () => {
  it('marks new entries add, differing ones change (with the fields), equal ones same', () => {
    const plan = planImport(current(), seedRaw(), { fileName: 'seed.json' });
    expect(plan.fileName).toBe('seed.json');
    const byName = Object.fromEntries(plan.models.map((item) => [item.name, item]));
    expect(byName[V2]).toMatchObject({ action: 'add', existing: null, label: 'PeteOllama Property Manager v2', changes: [] });
    expect(byName[V1]).toMatchObject({ action: 'change', existing: V1 });
    expect(byName[V1]?.changes).toEqual([{ field: 'display_name', before: 'PM one (mine)', after: 'PeteOllama Property Manager v1' }]);
    const bases = Object.fromEntries(plan.baseModels.map((item) => [item.name, item]));
    // Status and size are this machine's: a different status is not a change.
    expect(bases['llama3:latest']).toMatchObject({ action: 'same', changes: [] });
    expect(bases['qwen3:30b']).toMatchObject({ action: 'add' });
    expect(plan.counts).toEqual({ add: 2, change: 1, same: 1, invalid: 0 });
    expect(plan.defaultModel).toEqual({ current: 'mine:v1', imported: V1, action: 'change' });
  });

  it('compares only what the imported file writes: a key it leaves out is no change', () => {
    const source: ImportSource = { default_model: null, models: { 'mine:v1': { name: 'mine:v1', display_name: 'Mine' } }, base_models: {} };
    const plan = planImport(current(), source);
    expect(plan.models[0]).toMatchObject({ action: 'same', changes: [] });
    expect(plan.defaultModel.action).toBe('none');
  });

  it('reports a changed unknown key, and matches names the way Ollama does (llama3 = llama3:latest)', () => {
    const source: ImportSource = {
      default_model: 'MINE:v1',
      models: { 'mine:v1': { name: 'mine:v1', display_name: 'Mine', team: { owner: 'bob' } } },
      base_models: { llama3: { display_name: 'Llama 3 (Latest)', description: "Meta's Llama 3 base model" } },
    };
    const plan = planImport(current(), source);
    expect(plan.models[0]?.changes).toEqual([{ field: 'team', before: { owner: 'ada' }, after: { owner: 'bob' } }]);
    expect(plan.baseModels[0]).toMatchObject({ name: 'llama3', existing: 'llama3:latest', action: 'same' });
    expect(plan.defaultModel.action).toBe('same');
  });

  it('marks entries that cannot be imported invalid, with the reason, and warns about a Modelfile not here yet', () => {
    const source: ImportSource = {
      default_model: null,
      models: {
        'bad name!': { name: 'bad name!', display_name: 'Bad', modelfile: 'models/x' },
        'out:v1': { name: 'out:v1', display_name: 'Out', modelfile: '../elsewhere/Modelfile' },
        'new:v1': { name: 'new:v1', display_name: 'New', modelfile: 'models/Modelfile.new' },
      },
      base_models: {},
    };
    const plan = planImport(current(), source, {
      checkModelfile: (p) => (p.startsWith('..') ? { error: `Modelfile path "${p}" leads outside the workspace` } : { warning: `${p} is not in this workspace yet` }),
    });
    expect(plan.models.map((m) => m.action)).toEqual(['invalid', 'invalid', 'add']);
    expect(plan.models[0]?.problem).toContain('is not a valid Ollama model name');
    expect(plan.models[1]?.problem).toContain('leads outside the workspace');
    expect(plan.models[2]?.warnings).toEqual(['models/Modelfile.new is not in this workspace yet']);
    expect(plan.counts.invalid).toBe(2);
  });
});

describe('applyImport', () => {
  it('applies only the ticked entries and leaves the default alone unless ticked', () => {
    const draft = current();
    const selection = importSelectionSchema.parse({ models: [{ name: V2, action: 'add' }] });
    const outcome = applyImport(draft, seedRaw(), selection, { now: NOW });
    expect(outcome).toEqual({ added: [V2], changed: [], skipped: [], defaultModel: null, defaultChanged: false });
    expect(draft.models[V1]?.display_name).toBe('PM one (mine)');
    expect(draft.default_model).toBe('mine:v1');
    expect(draft.base_models).not.toHaveProperty('qwen3:30b');
    // A new entry keeps every key of the file (is_jamie_model) and starts as declared here.
    expect(draft.models[V2]).toMatchObject({ is_jamie_model: true, status: 'pending', created_at: '2025-08-08T21:00:00.000000', last_updated: NOW.toISOString() });
  });

  it("a ticked change lays the file's fields over the entry: unknown keys of both survive, this machine's state stays", () => {
    const draft = current();
    applyImport(draft, seedRaw(), importSelectionSchema.parse({ models: [{ name: V1, action: 'change' }], defaultModel: true }), { now: NOW });
    expect(draft.models[V1]).toMatchObject({
      display_name: 'PeteOllama Property Manager v1',
      is_jamie_model: true,
      my_flag: 'keep me',
      status: 'missing',
      last_updated: NOW.toISOString(),
    });
    expect(draft.default_model).toBe(V1);
  });

  it('skips an entry whose plan changed since the preview instead of overwriting it', () => {
    const draft = current();
    draft.models[V2] = { ...seedRegistry().models[V2]!, description: 'written here meanwhile' };
    const outcome = applyImport(draft, seedRaw(), importSelectionSchema.parse({ models: [{ name: V2, action: 'add' }] }), { now: NOW });
    expect(outcome.added).toEqual([]);
    expect(outcome.skipped).toEqual([{ kind: 'model', name: V2, reason: expect.stringContaining('appeared here since the preview') }]);
    expect(draft.models[V2]?.description).toBe('written here meanwhile');
  });

  it('does not make a model the default when it is not among the models', () => {
    const draft = current();
    const outcome = applyImport(draft, { ...seedRaw(), default_model: V2 }, importSelectionSchema.parse({ defaultModel: true }), { now: NOW });
    expect(draft.default_model).toBe('mine:v1');
    expect(outcome.skipped).toMatchObject([{ kind: 'default_model', name: V2 }]);
  });

  it('an imported seed registry merged with the current one loses no entry and no unknown key', () => {
    const draft = current();
    const before = structuredClone(draft);
    const source = seedRaw();
    const plan = planImport(draft, source);
    // Everything the plan offers, ticked (adds and changes).
    const pick = (items: typeof plan.models) => items.filter((i) => i.action === 'add' || i.action === 'change').map((i) => ({ name: i.name, action: i.action }));
    applyImport(draft, source, importSelectionSchema.parse({ models: pick(plan.models), baseModels: pick(plan.baseModels), defaultModel: true }), { now: NOW });
    const merged = registrySchema.parse(draft);

    for (const [name, entry] of [...Object.entries(before.models), ...Object.entries(source.models)]) {
      const out = merged.models[name];
      expect(out, name).toBeDefined();
      for (const key of Object.keys(entry)) expect(Object.hasOwn(out!, key), `${name}.${key}`).toBe(true);
    }
    for (const [name, entry] of [...Object.entries(before.base_models), ...Object.entries(source.base_models)]) {
      const out = merged.base_models[name];
      expect(out, name).toBeDefined();
      for (const key of Object.keys(entry)) expect(Object.hasOwn(out!, key), `${name}.${key}`).toBe(true);
    }
    expect(merged.models['mine:v1']?.team).toEqual({ owner: 'ada' });
    expect(merged.base_models['llama3:latest']?.local_note).toBe('fast disk');
    // Importing the same file again finds nothing left to do.
    expect(planImport(merged, source).counts).toMatchObject({ add: 0, change: 0 });
  });
});

describe('helpers', () => {
  it('sameJson ignores key order and compares deeply', () => {
    expect(sameJson({ a: [1, { b: 2 }], c: null }, { c: null, a: [1, { b: 2 }] })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson(undefined, null)).toBe(false);
  });

  it('mergeModelEntry never takes the imported status or build', () => {
    const existing = current().models[V1]!;
    const merged = mergeModelEntry(existing, { status: 'available', build: { x: 1 }, description: 'new' }, NOW.toISOString());
    expect(merged).toMatchObject({ status: 'missing', description: 'new' });
    expect(merged).not.toHaveProperty('build');
  });
});
