import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/main/modelfiles/sha256';
import { AppError } from '../../src/shared/errors';
import { startWorld, V1, type World } from './create-fixtures';

/**
 * The registry is never a Modelfile: no Modelfile call reads, writes or deletes the registry, its
 * backups or lock and temporary files, the app's data, a folder or a pipe; and only files the
 * registry names (or new ones under models/) are touched at all.
 */

const V2 = 'peteollama:property-manager-v2';

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

function registryFile(w: World): string {
  return path.join(w.ws, 'model_settings.json');
}

/** Points V2's `modelfile` at `value` the way an editor would: in the file, behind the app's back. */
async function pointV2At(w: World, value: string): Promise<string> {
  const file = registryFile(w);
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { models: Record<string, { modelfile: string }> };
  json.models[V2]!.modelfile = value;
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  await w.services.session().store.reload();
  return fs.readFileSync(file, 'utf8');
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('the registry is never a Modelfile', () => {
  it('"delete its Modelfile" of a model whose modelfile is the registry is refused and changes nothing', async () => {
    world = await startWorld();
    const before = await pointV2At(world, 'model_settings.json');
    const error = await refusal(world.services.handlers['models.delete']({ name: V2, fromOllama: false, deleteModelfile: true, removeAliases: false }));
    expect(error.kind).toBe('validation');
    expect(error.message).toMatch(/registry file model_settings\.json, not a Modelfile.*models\/Modelfile\.name/);
    expect(fs.readFileSync(registryFile(world), 'utf8')).toBe(before);
  });

  it('modelfile.write and modelfile.read refuse the registry under every spelling, its backups and its lock', async () => {
    world = await startWorld();
    const file = registryFile(world);
    fs.writeFileSync(`${file}.invalid-2026-01-01T00-00-00-000Z`, '{ broken');
    const before = fs.readFileSync(file, 'utf8');
    const sha = sha256Hex(Buffer.from(before));
    for (const rel of ['model_settings.json', './model_settings.json', 'models/../model_settings.json', 'MODEL_SETTINGS.JSON', 'model_settings.json.invalid-2026-01-01T00-00-00-000Z', 'model_settings.json.lock', '.model_settings.json.tmp']) {
      const write = await refusal(world.services.handlers['modelfile.write']({ path: rel, content: 'FROM llama3\n', expectedSha256: sha }));
      expect(write.kind, rel).toBe('validation');
      expect(write.issues?.[0]?.path, rel).toBe('path');
      const read = await refusal(world.services.handlers['modelfile.read']({ path: rel }));
      expect(read.kind, rel).toBe('validation');
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses the registry behind a hard link, as a new model\'s, a change\'s or an import\'s modelfile', async () => {
    world = await startWorld();
    const file = registryFile(world);
    fs.linkSync(file, path.join(world.ws, 'models', 'Modelfile.linked'));
    await pointV2At(world, 'models/Modelfile.linked');
    const before = fs.readFileSync(file, 'utf8');
    const linked = await refusal(world.services.handlers['modelfile.write']({ path: 'models/Modelfile.linked', content: 'FROM x\n', expectedSha256: sha256Hex(Buffer.from(before)) }));
    expect(linked.message).toContain('registry file model_settings.json under another name');

    const entry = { name: 'fresh:latest', display_name: 'Fresh', description: '', version: '', base_model: '', modelfile: 'model_settings.json', show_in_ui: true, auto_preload: false };
    expect((await refusal(world.services.handlers['models.add']({ entry }))).kind).toBe('validation');
    expect((await refusal(world.services.handlers['models.update']({ name: V1, patch: { modelfile: 'Model_Settings.json' } }))).kind).toBe('validation');
    const content = JSON.stringify({ models: { 'fresh:latest': { name: 'fresh:latest', display_name: 'Fresh', modelfile: 'model_settings.json' } } });
    const plan = await world.services.handlers['registry.importPreview']({ content, fileName: 'other.json' });
    expect(plan.models[0]).toMatchObject({ action: 'invalid', problem: expect.stringContaining('registry file') });
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses folders, pipes, the app data folder and files no model uses; allows a new file under models/', async () => {
    world = await startWorld();
    const { handlers } = world.services;
    expect((await refusal(handlers['modelfile.read']({ path: 'models' }))).message).toContain('is a folder');
    execFileSync('mkfifo', [path.join(world.ws, 'models', 'Modelfile.pipe')]);
    await pointV2At(world, 'models/Modelfile.pipe');
    const started = Date.now();
    expect((await refusal(handlers['modelfile.read']({ path: 'models/Modelfile.pipe' }))).message).toContain('not a regular file');
    expect(Date.now() - started).toBeLessThan(1000);

    fs.writeFileSync(path.join(world.ws, 'notes.txt'), 'mine');
    const notes = await refusal(handlers['modelfile.write']({ path: 'notes.txt', content: 'FROM x\n', expectedSha256: sha256Hex(Buffer.from('mine')) }));
    expect(notes.message).toContain('is not the Modelfile of any registry model');
    expect(fs.readFileSync(path.join(world.ws, 'notes.txt'), 'utf8')).toBe('mine');
    expect((await refusal(handlers['modelfile.read']({ path: 'notes.txt' }))).kind).toBe('validation');

    const created = await handlers['modelfile.write']({ path: 'models/Modelfile.brand-new', content: 'FROM llama3\n', expectedSha256: null });
    expect(created.exists).toBe(true);
    // The editor reads and saves its model's own file as before.
    const own = await handlers['modelfile.read']({ path: 'models/Modelfile.enhanced' });
    expect(own.exists).toBe(true);
    await handlers['modelfile.write']({ path: 'models/Modelfile.enhanced', content: own.content, expectedSha256: own.sha256 });
  });

  it("refuses the app's data folder when it lies inside the workspace", async () => {
    const ws = fs.mkdtempSync(path.join((await import('node:os')).tmpdir(), 'mw-data-in-ws-'));
    world = await startWorld({ ws, dataDir: path.join(ws, 'models', '.appdata') });
    fs.mkdirSync(path.join(ws, 'models', '.appdata'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'models', '.appdata', 'settings.json'), '{}');
    const error = await refusal(world.services.handlers['modelfile.read']({ path: 'models/.appdata/settings.json' }));
    expect(error.message).toContain("Modelwright's own data folder");
    await world.close();
    world = null;
    fs.rmSync(ws, { recursive: true, force: true });
  });
});
