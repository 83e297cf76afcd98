import { describe, expect, it } from 'vitest';
import { parse, toCreateRequest } from '../../../src/shared/modelfile';
import type { CreateRequestOptions, CreateRequestResult, Modelfile } from '../../../src/shared/modelfile';
import { fakeFileSystem } from './fake-file-system';
import { QWEN_ENHANCED_MODELFILE } from './fixtures/seed-qwen-modelfile';

function parsed(text: string): Modelfile {
  const result = parse(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.modelfile;
}

async function build(text: string, files: string[] = [], options: Partial<CreateRequestOptions> = {}): Promise<CreateRequestResult> {
  const fs = fakeFileSystem('/home/u', files);
  return toCreateRequest(parsed(text), { model: 'me/custom:v1', modelfileDir: '/home/u/models', homeDir: '/home/u', probe: fs.probe, list: fs.list, ...options });
}

async function ok(text: string, files: string[] = [], options: Partial<CreateRequestOptions> = {}) {
  const result = await build(text, files, options);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result;
}

async function errors(text: string, files: string[] = []) {
  const result = await build(text, files);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('toCreateRequest', () => {
  it("turns the seed's qwen Modelfile into today's /api/create fields, typed", async () => {
    const { request, uploads, warnings } = await ok(QWEN_ENHANCED_MODELFILE);
    expect(request).toEqual({
      model: 'me/custom:v1',
      from: 'qwen3:30b',
      system:
        '\nYou are PeteOllama, an expert property manager trained on real property management conversations.\nYou help tenants and property managers with maintenance requests, rent payments, lease questions,\nand other property-related issues. Always be professional, helpful, and accurate.\n',
      template:
        '\n{{ if .System }}<|im_start|>system\n{{ .System }}<|im_end|>\n{{ end }}{{ if .Prompt }}<|im_start|>user\n{{ .Prompt }}<|im_end|>\n<|im_start|>assistant\n{{ .Response }}<|im_end|>\n{{ end }}\n',
      parameters: { stop: ['<|im_start|>', '<|im_end|>'], temperature: 0.7 },
    });
    expect(typeof request.parameters?.temperature).toBe('number');
    expect(uploads).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('never sends the removed modelfile field', async () => {
    const { request } = await ok(QWEN_ENHANCED_MODELFILE);
    expect(request).not.toHaveProperty('modelfile');
    expect(JSON.stringify(request)).not.toContain('"modelfile"');
  });

  it('types every parameter as the CLI does, in order, with stop always a list', async () => {
    const { request } = await ok('FROM a\nPARAMETER num_ctx 4096\nPARAMETER top_p 0.9\nPARAMETER use_mmap false\nPARAMETER stop </s>\nPARAMETER num_ctx 8192');
    expect(request.parameters).toEqual({ num_ctx: 8192, top_p: 0.9, use_mmap: false, stop: ['</s>'] });
  });

  it('keeps messages and licenses in order, the last SYSTEM and TEMPLATE, and REQUIRES without its v', async () => {
    const { request } = await ok(
      'FROM a\nSYSTEM first\nLICENSE MIT\nMESSAGE user hi\nMESSAGE assistant hello\nLICENSE """Apache\n2.0"""\nSYSTEM second\nREQUIRES v0.14.0\nRENDERER r\nPARSER p',
    );
    expect(request).toMatchObject({
      system: 'second',
      license: ['MIT', 'Apache\n2.0'],
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'hello' },
      ],
      requires: '0.14.0',
      renderer: 'r',
      parser: 'p',
    });
  });

  it('leaves out empty strings, as the CLI (omitempty) does', async () => {
    const { request } = await ok('FROM a\nSYSTEM ""\nTEMPLATE ""');
    expect(request).toEqual({ model: 'me/custom:v1', from: 'a' });
  });

  it('sends a FROM that names nothing on disk as a model name, the last one winning', async () => {
    const { request } = await ok('FROM llama3\nFROM qwen3:30b');
    expect(request.from).toBe('qwen3:30b');
    expect(request.files).toBeUndefined();
  });

  it('uploads a FROM file, resolved against the Modelfile folder, under its base name', async () => {
    const { request, uploads } = await ok('FROM ../weights/q4.gguf', ['weights/q4.gguf']);
    expect(request).toEqual({ model: 'me/custom:v1', files: {} });
    expect(uploads).toEqual([
      { kind: 'model', field: 'files', key: 'q4.gguf', path: '/home/u/weights/q4.gguf', at: { line: 1, column: 1, endLine: 1, endColumn: 24, from: 0, to: 23 } },
    ]);
  });

  it('expands ~ with the given home folder, and reports it positioned without one', async () => {
    const { uploads } = await ok('FROM ~/w.gguf', ['w.gguf']);
    expect(uploads.map((u) => u.path)).toEqual(['/home/u/w.gguf']);
    const fs = fakeFileSystem('/home/u', ['w.gguf']);
    const result = await toCreateRequest(parsed('FROM a\nADAPTER ~/w.gguf'), { model: 'm', modelfileDir: '/x', probe: fs.probe, list: fs.list });
    expect(result.ok ? [] : result.errors).toMatchObject([{ code: 'unresolvable-path', line: 2, column: 9, endColumn: 17 }]);
  });

  it('uploads the weights of a FROM folder under their paths relative to it', async () => {
    const { uploads } = await ok('FROM ./hf', ['models/hf/model.safetensors', 'models/hf/config.json', 'models/hf/README.md', 'models/hf/sub/config.json']);
    expect(uploads.map((u) => `${u.key} ${u.path}`)).toEqual([
      'model.safetensors /home/u/models/hf/model.safetensors',
      'config.json /home/u/models/hf/config.json',
      'sub/config.json /home/u/models/hf/sub/config.json',
    ]);
  });

  it('reports a folder without weights on the FROM value', async () => {
    expect(await errors('FROM ./empty', ['models/empty/notes.txt'])).toMatchObject([
      { code: 'no-weights', message: 'no Modelfile or safetensors files found', line: 1, column: 6, endColumn: 13 },
    ]);
  });

  it('requires an ADAPTER to exist, with the error on its value', async () => {
    const found = await errors('FROM a\nADAPTER ./lora.gguf');
    expect(found).toMatchObject([{ code: 'missing-path', severity: 'error', line: 2, column: 9, endLine: 2, endColumn: 20 }]);
    expect(found[0]?.hint).toContain('/home/u/models/lora.gguf');
  });

  it('uploads the last ADAPTER only, into adapters', async () => {
    const { request, uploads } = await ok('FROM a\nADAPTER one.gguf\nADAPTER two.gguf', ['models/one.gguf', 'models/two.gguf']);
    expect(request.adapters).toEqual({});
    expect(uploads.map((u) => `${u.kind} ${u.field} ${u.key}`)).toEqual(['adapter adapters two.gguf']);
  });

  it('collects every error, each positioned, instead of stopping at the first', async () => {
    const found = await errors('FROM a\nPARAMETER temprature 0.7\nPARAMETER num_ctx big\nREQUIRES soon');
    expect(found.map((e) => [e.code, e.message, e.line, e.column])).toEqual([
      ['unknown-parameter', "unknown parameter 'temprature'", 2, 11],
      ['invalid-value', 'invalid int value [big]', 3, 19],
      ['invalid-requires', 'requires must be a valid semver (e.g. 0.14.0)', 4, 10],
    ]);
  });

  it('drops deprecated parameters with a positioned warning', async () => {
    const { request, warnings } = await ok('FROM a\nPARAMETER mirostat 1\nPARAMETER seed 3');
    expect(request.parameters).toEqual({ seed: 3 });
    expect(warnings).toMatchObject([{ code: 'deprecated-parameter', severity: 'warning', message: 'parameter mirostat is deprecated', line: 2, column: 11 }]);
  });

  it('rejects an invalid name for the model to create', async () => {
    const result = await build('FROM a', [], { model: 'bad name' });
    expect(result.ok ? [] : result.errors).toMatchObject([{ code: 'invalid-model-name', message: 'invalid model name: bad name' }]);
  });

  it('resolves Windows paths when the Modelfile folder is a Windows one', async () => {
    const probe = (path: string) => (path === 'C:\\models\\w\\q.gguf' ? ('file' as const) : ('missing' as const));
    const { uploads } = await ok('FROM .\\w\\q.gguf', [], { modelfileDir: 'C:\\models', probe, list: () => [] });
    expect(uploads.map((u) => [u.key, u.path])).toEqual([['q.gguf', 'C:\\models\\w\\q.gguf']]);
  });

  it('waits for an asynchronous probe', async () => {
    const { uploads } = await ok('FROM /data/q.gguf', [], { probe: async (p) => (p === '/data/q.gguf' ? 'file' : 'missing') });
    expect(uploads.map((u) => u.path)).toEqual(['/data/q.gguf']);
  });
});
