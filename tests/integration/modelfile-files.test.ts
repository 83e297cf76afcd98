import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_SHA256 } from '../../src/main/modelfiles/modelfile-documents';
import { V2, addLocalModel, ggufBytes, startWorld, type World } from './create-fixtures';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
const QWEN = 'models/Modelfile.qwen-enhanced';

describe('modelfile.read and modelfile.write', () => {
  it('reads a workspace Modelfile with the sha256 of its bytes', async () => {
    world = await startWorld();
    const doc = await world.services.handlers['modelfile.read']({ path: QWEN });
    const bytes = fs.readFileSync(path.join(world.ws, QWEN));
    expect(doc).toEqual({ path: QWEN, content: bytes.toString('utf8'), sha256: sha(bytes), exists: true });
  });

  it('reads a file that does not exist yet as empty', async () => {
    world = await startWorld();
    expect(await world.services.handlers['modelfile.read']({ path: 'models/Modelfile.new' })).toEqual({
      path: 'models/Modelfile.new',
      content: '',
      sha256: EMPTY_SHA256,
      exists: false,
    });
  });

  it('saves over the version it read, atomically, and answers the new sha256', async () => {
    world = await startWorld();
    const doc = await world.services.handlers['modelfile.read']({ path: QWEN });
    const content = `${doc.content}PARAMETER top_k 20\n`;
    const saved = await world.services.handlers['modelfile.write']({ path: QWEN, content, expectedSha256: doc.sha256 });
    expect(saved).toEqual({ path: QWEN, content, sha256: sha(content), exists: true });
    expect(fs.readFileSync(path.join(world.ws, QWEN), 'utf8')).toBe(content);
    expect(fs.readdirSync(path.join(world.ws, 'models')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to overwrite a file changed on disk since it was read, and leaves it as it is', async () => {
    world = await startWorld();
    const doc = await world.services.handlers['modelfile.read']({ path: QWEN });
    const theirs = `${doc.content}# edited elsewhere\n`;
    fs.writeFileSync(path.join(world.ws, QWEN), theirs);
    await expect(world.services.handlers['modelfile.write']({ path: QWEN, content: 'FROM x\n', expectedSha256: doc.sha256 })).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringContaining('changed on disk since you opened it'),
    });
    expect(fs.readFileSync(path.join(world.ws, QWEN), 'utf8')).toBe(theirs);
  });

  it('creates a new file and its folder; a "new file" save over an existing one is a conflict', async () => {
    world = await startWorld();
    const saved = await world.services.handlers['modelfile.write']({ path: 'models/team/Modelfile.new', content: 'FROM llama3\n', expectedSha256: null });
    expect(saved.exists).toBe(true);
    expect(fs.readFileSync(path.join(world.ws, 'models', 'team', 'Modelfile.new'), 'utf8')).toBe('FROM llama3\n');
    await expect(world.services.handlers['modelfile.write']({ path: QWEN, content: 'FROM x\n', expectedSha256: null })).rejects.toMatchObject({ kind: 'conflict' });
  });

  it.each(['../outside/Modelfile', '/etc/Modelfile'])('keeps %s out: paths are confined to the workspace', async (p) => {
    world = await startWorld();
    await expect(world.services.handlers['modelfile.read']({ path: p })).rejects.toMatchObject({ kind: 'validation' });
    await expect(world.services.handlers['modelfile.write']({ path: p, content: 'FROM x', expectedSha256: null })).rejects.toMatchObject({ kind: 'validation' });
  });
});

describe('modelfile.preview', () => {
  it("shows the exact request v2's Modelfile sends, with no errors", async () => {
    world = await startWorld();
    const preview = await world.services.handlers['modelfile.preview']({ name: V2 });
    expect(preview.errors).toEqual([]);
    expect(preview.uploads).toEqual([]);
    expect(preview.request).toMatchObject({ model: V2, from: 'qwen3:30b', parameters: { stop: ['<|im_start|>', '<|im_end|>'], temperature: 0.7 } });
    expect(preview.request).not.toHaveProperty('modelfile');
  });

  it('previews unsaved text, with positioned errors and warnings and no request', async () => {
    world = await startWorld();
    const preview = await world.services.handlers['modelfile.preview']({
      name: V2,
      content: 'FROM qwen3:30b\nPARAMETER temprature 0.7\nPARAMETER mirostat 1\nSYSTEM a\nSYSTEM b\n',
    });
    expect(preview.request).toBeNull();
    expect(preview.errors).toEqual([{ message: "unknown parameter 'temprature'", line: 2, column: 11 }]);
    expect(preview.warnings.some((w) => w.startsWith('line 3') && /mirostat/.test(w))).toBe(true);
    expect(preview.warnings.some((w) => w.startsWith('line 4'))).toBe(true);
  });

  it('warns about a base model that is neither in the registry nor in Ollama', async () => {
    world = await startWorld();
    const preview = await world.services.handlers['modelfile.preview']({ name: V2, content: 'FROM mistral:7b\n' });
    expect(preview.errors).toEqual([]);
    expect(preview.warnings.some((w) => w.includes('mistral:7b'))).toBe(true);
  });

  it('lists the local files create would upload, by workspace path and key', async () => {
    world = await startWorld();
    fs.writeFileSync(path.join(world.ws, 'models', 'model.gguf'), ggufBytes(1024));
    fs.writeFileSync(path.join(world.ws, 'models', 'lora.gguf'), ggufBytes(512));
    await addLocalModel(world, 'local/gguf:v1', 'models/Modelfile.local', 'FROM ./model.gguf\nADAPTER ./lora.gguf\n');
    const preview = await world.services.handlers['modelfile.preview']({ name: 'local/gguf:v1' });
    expect(preview.errors).toEqual([]);
    expect(preview.uploads).toEqual([
      { kind: 'model', path: 'models/model.gguf', key: 'model.gguf' },
      { kind: 'adapter', path: 'models/lora.gguf', key: 'lora.gguf' },
    ]);
    expect(Object.keys(preview.request?.files as object)).toEqual(['model.gguf']);
    expect(Object.keys(preview.request?.adapters as object)).toEqual(['lora.gguf']);
    expect(preview.request).not.toHaveProperty('from');
  });

  it('answers not_found for a name the registry does not have', async () => {
    world = await startWorld();
    await expect(world.services.handlers['modelfile.preview']({ name: 'nope:v1' })).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('modelfile.changed', () => {
  it('reports edits made by other programs, not the app\'s own saves', async () => {
    world = await startWorld();
    const changes: Array<{ path: string; sha256: string | null }> = [];
    const seen = new Promise<void>((resolve) => {
      world?.services.bus.subscribe((event, payload) => {
        if (event !== 'modelfile.changed') return;
        changes.push(payload as { path: string; sha256: string | null });
        if ((payload as { path: string }).path === 'models/Modelfile.other') resolve();
      });
    });
    const doc = await world.services.handlers['modelfile.read']({ path: QWEN });
    await world.services.handlers['modelfile.write']({ path: QWEN, content: `${doc.content}# mine\n`, expectedSha256: doc.sha256 });
    fs.writeFileSync(path.join(world.ws, 'models', 'Modelfile.other'), 'FROM llama3\n');
    await seen;
    expect(changes).toEqual([{ path: 'models/Modelfile.other', sha256: sha('FROM llama3\n') }]);
  });
});
