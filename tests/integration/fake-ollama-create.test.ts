import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LLAMA3, LLAMA32_FP16, QWEN3_30B, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { ndjson, post, type Json } from '../support/fake-ollama/test-http';

let fake: FakeOllama;

beforeEach(async () => {
  fake = await startFakeOllama({ models: [LLAMA3, LLAMA32_FP16], library: [QWEN3_30B] });
});
afterEach(async () => {
  await fake.close();
});

const statuses = (lines: Json[]): string[] => lines.map((l) => String(l.status ?? `error: ${String(l.error)}`));

describe('fake /api/create: the request', () => {
  it('fails a request with only the removed `modelfile` field, as Ollama ≥ 0.5.5 does', async () => {
    const res = await post(`${fake.url}/api/create`, { model: 'mine', modelfile: 'FROM llama3\nSYSTEM hi' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "neither 'from' or 'files' was specified" });
    expect(fake.hasModel('mine')).toBe(false);
  });

  it('rejects an invalid model name with 400', async () => {
    const res = await post(`${fake.url}/api/create`, { model: 'no spaces please', from: 'llama3' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid model name' });
  });

  it('rejects an invalid `from` name with 400 before streaming', async () => {
    const res = await post(`${fake.url}/api/create`, { model: 'mine', from: './weights.gguf' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid model name' });
  });

  it('rejects absolute or escaping file paths and empty digests', async () => {
    const digest = fake.addBlob('GGUF…');
    const abs = await post(`${fake.url}/api/create`, { model: 'm', files: { '/etc/model.gguf': digest } });
    expect(abs.status).toBe(400);
    expect(await abs.json()).toEqual({ error: 'file path must be relative' });
    const up = await post(`${fake.url}/api/create`, { model: 'm', files: { '../model.gguf': digest } });
    expect(await up.json()).toEqual({ error: 'file path must be relative' });
    const empty = await post(`${fake.url}/api/create`, { model: 'm', files: { 'model.gguf': '' } });
    expect(await empty.json()).toEqual({ error: 'invalid digest format' });
  });
});

describe('fake /api/create from a model it has', () => {
  it('streams layer lines, writing manifest and success, then lists the model with a digest', async () => {
    const body = {
      model: 'peteollama:property-manager-v3',
      from: 'llama3:latest',
      system: 'You are PeteOllama.',
      parameters: { temperature: 0.7, stop: ['<|eot_id|>'] },
      messages: [{ role: 'user', content: 'Hi' }],
      license: ['MIT'],
    };
    const res = await post(`${fake.url}/api/create`, body);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = statuses(await ndjson(res));
    expect(lines.slice(-2)).toEqual(['writing manifest', 'success']);
    const layers = lines.slice(0, -2);
    expect(layers.every((l) => /^(using existing|creating new) layer sha256:[0-9a-f]{64}$/.test(l))).toBe(true);
    expect(layers[0]).toMatch(/^using existing layer/); // the base weights
    expect(layers.some((l) => l.startsWith('creating new layer'))).toBe(true); // the new system prompt

    const listed = fake.tags().find((m) => m.name === 'peteollama:property-manager-v3');
    expect(listed?.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(listed?.details).toMatchObject({ parent_model: 'llama3:latest' });
    expect(fake.createRequestOf('peteollama:property-manager-v3')).toEqual(body);

    const show = (await (await post(`${fake.url}/api/show`, { model: 'peteollama:property-manager-v3' })).json()) as Json;
    expect(show.system).toBe('You are PeteOllama.');
    expect(show.messages).toEqual([{ role: 'user', content: 'Hi' }]);
    expect(show.license).toBe(`${LLAMA3.license as string}\nMIT`);
  });

  it('says "using existing layer" for every layer when the same model is created again', async () => {
    const body = { model: 'again', from: 'llama3', system: 'Same.' };
    await ndjson(await post(`${fake.url}/api/create`, body));
    const second = statuses(await ndjson(await post(`${fake.url}/api/create`, body)));
    expect(second.filter((l) => l.startsWith('creating new layer'))).toEqual([]);
  });

  it('honours stream:false with one {"status":"success"} object', async () => {
    const res = await post(`${fake.url}/api/create`, { model: 'quiet', from: 'llama3', stream: false });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ status: 'success' });
    expect(fake.hasModel('quiet:latest')).toBe(true);
  });

  it('rejects a broken TEMPLATE with 400 "template error: …"', async () => {
    const res = await post(`${fake.url}/api/create`, { model: 'tpl', from: 'llama3', template: '{{ if .System }}{{ .System }}' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'template error: template: :1: unexpected EOF' });
  });

  it('quantizes an F16 model with zero-digest progress lines and refuses an already quantized one', async () => {
    const lines = await ndjson(await post(`${fake.url}/api/create`, { model: 'small', from: LLAMA32_FP16.name, quantize: 'q4_K_M' }));
    const quantizing = lines.filter((l) => l.status === 'quantizing F16 model to Q4_K_M');
    expect(quantizing.length).toBeGreaterThan(0);
    expect(quantizing[0]).toMatchObject({ digest: '0000000000000000000', total: expect.any(Number) });
    expect(statuses(lines)).toContain('verifying conversion');
    expect(fake.model('small')?.quantizationLevel).toBe('Q4_K_M');

    const refused = await post(`${fake.url}/api/create`, { model: 'smaller', from: 'llama3', quantize: 'q4_K_M' });
    expect(refused.status).toBe(500);
    expect(await refused.json()).toEqual({ error: 'quantization is only supported for F16, BF16 and F32 models' });
  });
});

describe('fake /api/create with a `from` it must pull', () => {
  it('streams the pull inside the create stream, including the pull’s own success in the middle', async () => {
    const lines = statuses(await ndjson(await post(`${fake.url}/api/create`, { model: 'pm:v2', from: 'qwen3:30b' })));
    expect(lines[0]).toBe('pulling manifest');
    expect(lines.filter((l) => l === 'success')).toHaveLength(2);
    const pullSuccess = lines.indexOf('success');
    expect(pullSuccess).toBeLessThan(lines.length - 1);
    expect(lines.slice(pullSuccess - 2, pullSuccess)).toEqual(['verifying sha256 digest', 'writing manifest']);
    expect(lines[lines.length - 1]).toBe('success');
    expect(fake.hasModel('qwen3:30b')).toBe(true);
    expect(fake.hasModel('pm:v2')).toBe(true);
  });

  it('ends with an error line after `pulling manifest` when the library lacks the model (500 with stream:false)', async () => {
    const res = await post(`${fake.url}/api/create`, { model: 'ghost:v1', from: 'ghost:7b' });
    expect(res.status).toBe(200);
    expect(await ndjson(res)).toEqual([{ status: 'pulling manifest' }, { error: 'pull model manifest: file does not exist' }]);
    expect(fake.hasModel('ghost:v1')).toBe(false);

    const quiet = await post(`${fake.url}/api/create`, { model: 'ghost:v1', from: 'ghost:7b', stream: false });
    expect(quiet.status).toBe(500);
    expect(await quiet.json()).toEqual({ error: 'pull model manifest: file does not exist' });
  });
});

describe('fake /api/create from uploaded files', () => {
  it('builds from a GGUF blob it has: parsing, validating, then layers', async () => {
    const digest = fake.addBlob('GGUF\x03\x00\x00\x00 weights');
    const lines = await ndjson(await post(`${fake.url}/api/create`, { model: 'local:v1', files: { 'model.gguf': digest } }));
    const names = statuses(lines);
    expect(names[0]).toBe('parsing GGUF');
    expect(names).toContain('validating GGUF model');
    expect(names).toContain('verifying conversion');
    expect(names.slice(-2)).toEqual(['writing manifest', 'success']);
  });

  it('fails after `parsing GGUF` when the blob was never uploaded (500 with stream:false)', async () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const lines = await ndjson(await post(`${fake.url}/api/create`, { model: 'local:v1', files: { 'model.gguf': digest } }));
    expect(lines[0]).toEqual({ status: 'parsing GGUF' });
    expect(lines[1]?.error).toMatch(new RegExp(`open .*/blobs/sha256-${'a'.repeat(64)}: no such file or directory`));
    expect(lines).toHaveLength(2);
    const quiet = await post(`${fake.url}/api/create`, { model: 'local:v1', files: { 'model.gguf': digest }, stream: false });
    expect(quiet.status).toBe(500);
  });

  it('says "unknown type" (400) for a file it cannot recognise', async () => {
    const res = await post(`${fake.url}/api/create`, { model: 'local:v1', files: { weights: `sha256:${'b'.repeat(64)}` } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'unknown type' });
  });

  it('accepts one GGUF adapter on top of a model and refuses two', async () => {
    const adapter = fake.addBlob('GGUF adapter one');
    const ok = statuses(await ndjson(await post(`${fake.url}/api/create`, { model: 'tuned', from: 'llama3', adapters: { 'a.gguf': adapter } })));
    expect(ok[ok.length - 1]).toBe('success');
    const two = await post(`${fake.url}/api/create`, {
      model: 'tuned',
      from: 'llama3',
      adapters: { 'a.gguf': adapter, 'b.gguf': fake.addBlob('GGUF adapter two') },
    });
    expect(two.status).toBe(400);
    expect(await two.json()).toEqual({ error: 'only one adapter is currently supported' });
  });
});
