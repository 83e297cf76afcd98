import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPlan } from '../../src/shared/import-plan';
import { LLAMA3, PROPERTY_MANAGER_V1 } from '../support/fake-ollama/index';
import { V1, V2, startWorld, type World } from './create-fixtures';

const worlds: World[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function world(options: Parameters<typeof startWorld>[0] = {}): Promise<World> {
  const w = await startWorld(options);
  worlds.push(w);
  return w;
}

/** A workspace whose registry declares nothing (so the first run does not copy the examples). */
function emptyWorkspace(): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-import-ws-'));
  dirs.push(ws);
  fs.writeFileSync(path.join(ws, 'model_settings.json'), '{\n  "default_model": null,\n  "models": {},\n  "base_models": {}\n}\n');
  return ws;
}

function tickAll(plan: ImportPlan) {
  const pick = (items: ImportPlan['models']) =>
    items.filter((i) => i.action === 'add' || i.action === 'change').map((i) => ({ name: i.name, action: i.action as 'add' | 'change' }));
  return { models: pick(plan.models), baseModels: pick(plan.baseModels), defaultModel: true };
}

describe('export', () => {
  it('exports the registry file as the workspace has it, as a JSON download', async () => {
    const a = await world();
    const file = await a.services.handlers['registry.export']({ format: 'json' });
    expect(file).toMatchObject({ mimeType: 'application/json', encoding: 'utf8' });
    expect(file.fileName).toMatch(/^mw-create-ws-[A-Za-z0-9]+-model_settings-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file.data).toBe(fs.readFileSync(a.services.session().store.path, 'utf8'));
    expect(file.bytes).toBe(Buffer.byteLength(file.data));
  });

  it('exports a zip of the registry and its Modelfiles at their workspace paths, saying which are missing', async () => {
    const a = await world();
    fs.rmSync(path.join(a.ws, 'models', 'Modelfile.qwen-enhanced'));
    const file = await a.services.handlers['registry.export']({ format: 'zip' });
    expect(file).toMatchObject({ mimeType: 'application/zip', encoding: 'base64' });
    const entries = unzipSync(new Uint8Array(Buffer.from(file.data, 'base64')));
    expect(Object.keys(entries).sort()).toEqual(['model_settings.json', 'models/Modelfile.enhanced']);
    expect(strFromU8(entries['model_settings.json']!)).toBe(fs.readFileSync(a.services.session().store.path, 'utf8'));
    expect(strFromU8(entries['models/Modelfile.enhanced']!)).toBe(fs.readFileSync(path.join(a.ws, 'models', 'Modelfile.enhanced'), 'utf8'));
    expect(file.modelfiles).toEqual({
      included: ['models/Modelfile.enhanced'],
      skipped: [{ path: 'models/Modelfile.qwen-enhanced', reason: 'no such file in the workspace' }],
    });
  });
});

describe('import', () => {
  it('round trip: what one workspace exports, another imports whole; unknown keys kept; statuses follow this Ollama', async () => {
    const a = await world();
    const exported = await a.services.handlers['registry.export']({ format: 'json' });

    const b = await world({ ws: emptyWorkspace(), models: [LLAMA3, PROPERTY_MANAGER_V1] });
    const plan = await b.services.handlers['registry.importPreview']({ content: exported.data, fileName: exported.fileName });
    expect(plan.counts).toEqual({ add: 4, change: 0, same: 0, invalid: 0 });
    expect(plan.models.find((m) => m.name === V2)?.warnings).toEqual([
      'models/Modelfile.qwen-enhanced is not in this workspace yet: add it before creating the model.',
    ]);
    // The preview writes nothing.
    expect(b.services.session().store.get().registry.models).toEqual({});

    const result = await b.services.handlers['registry.importApply']({ content: exported.data, fileName: exported.fileName, selection: tickAll(plan) });
    expect(result.added.sort()).toEqual(['llama3:latest', 'qwen3:30b', V1, V2].sort());
    expect(result.skipped).toEqual([]);
    expect(result.defaultChanged).toBe(true);
    expect(result.snapshot.registry.default_model).toBe(V1);
    const imported = result.snapshot.registry;
    expect(imported.models?.[V1]).toMatchObject({ is_jamie_model: true, display_name: 'PeteOllama Property Manager v1' });
    expect(imported.models?.[V2]).toMatchObject({ is_jamie_model: true });

    // The sync after the import marks what this Ollama has.
    const synced = await b.services.session().sync.syncNow();
    expect(synced.connection.status).toBe('online');
    const after = b.services.session().store.get().registry;
    expect(after.models[V1]?.status).toBe('available');
    expect(after.models[V2]?.status).toBe('pending');

    // Importing the same file again: all kept as they are.
    const again = await b.services.handlers['registry.importPreview']({ content: exported.data, fileName: 'again.json' });
    expect(again.counts).toEqual({ add: 0, change: 0, same: 4, invalid: 0 });
  });

  it('a change is applied only when ticked; unticked, the entry here stays', async () => {
    const a = await world();
    const edited = JSON.parse(fs.readFileSync(a.services.session().store.path, 'utf8')) as { models: Record<string, Record<string, unknown>> };
    edited.models[V1]!.description = 'From the other machine';
    edited.models[V2]!.description = 'Also changed';
    const content = JSON.stringify(edited, null, 2);
    const plan = await a.services.handlers['registry.importPreview']({ content, fileName: 'other.json' });
    expect(plan.models.filter((m) => m.action === 'change').map((m) => m.name).sort()).toEqual([V1, V2]);
    const result = await a.services.handlers['registry.importApply']({
      content,
      fileName: 'other.json',
      selection: { models: [{ name: V1, action: 'change' }], baseModels: [], defaultModel: false },
    });
    expect(result.changed).toEqual([V1]);
    const registry = a.services.session().store.get().registry;
    expect(registry.models[V1]?.description).toBe('From the other machine');
    expect(registry.models[V2]?.description).toBe('Property management model v2 trained on qwen3');
  });

  it('refuses a file that is not JSON with its line and column, said once, and changes nothing', async () => {
    const a = await world();
    const before = fs.readFileSync(a.services.session().store.path, 'utf8');
    const broken = '{\n  "models": {\n    "x": { "name": "x", }\n  }\n}\n';
    const error = await a.services.handlers['registry.importPreview']({ content: broken, fileName: 'broken.json' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'validation', message: expect.stringMatching(/^broken\.json is not valid JSON: line 3, column \d+/) });
    expect((error as { issues?: unknown }).issues).toBeUndefined();
    expect(fs.readFileSync(a.services.session().store.path, 'utf8')).toBe(before);
  });

  it('one bad entry is marked at the entry, once; the valid entries still import', async () => {
    const a = await world();
    const content = JSON.stringify(
      {
        models: {
          x: { name: 'x', display_name: 'X', show_in_ui: 'yes' },
          'team:good-v1': { name: 'team:good-v1', display_name: 'Good', modelfile: 'models/Modelfile.enhanced' },
        },
        base_models: { 'mistral:7b': { display_name: 'Mistral' } },
      },
      null,
      2,
    );
    const plan = await a.services.handlers['registry.importPreview']({ content, fileName: 'mixed.json' });
    const bad = plan.models.find((m) => m.name === 'x');
    expect(bad).toMatchObject({ action: 'invalid', problem: 'show_in_ui: expected boolean, received string' });
    expect(plan.counts).toMatchObject({ add: 2, invalid: 1 });
    const result = await a.services.handlers['registry.importApply']({
      content,
      fileName: 'mixed.json',
      selection: { models: [{ name: 'team:good-v1', action: 'add' }, { name: 'x', action: 'add' }], baseModels: [{ name: 'mistral:7b', action: 'add' }], defaultModel: false },
    });
    expect(result.added.sort()).toEqual(['mistral:7b', 'team:good-v1']);
    expect(result.skipped).toEqual([{ kind: 'model', name: 'x', reason: 'show_in_ui: expected boolean, received string' }]);
    const registry = a.services.session().store.get().registry;
    expect(registry.models['team:good-v1']?.display_name).toBe('Good');
    expect(registry.models.x).toBeUndefined();
  });
});
