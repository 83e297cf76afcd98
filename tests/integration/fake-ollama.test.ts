import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LLAMA3, PROPERTY_MANAGER_V1, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { fetchErrorCode, post, rawRequest, type Json } from '../support/fake-ollama/test-http';

let fake: FakeOllama;

beforeEach(async () => {
  fake = await startFakeOllama({ models: [LLAMA3, PROPERTY_MANAGER_V1] });
});
afterEach(async () => {
  await fake.close();
});

describe('fake Ollama: basics', () => {
  it('answers GET / and HEAD / with "Ollama is running" as text', async () => {
    const res = await fetch(`${fake.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe('Ollama is running');
    const head = await fetch(`${fake.url}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('reports the configured version, 0.18.0 by default', async () => {
    expect(await (await fetch(`${fake.url}/api/version`)).json()).toEqual({ version: '0.18.0' });
    fake.setVersion('0.5.4');
    expect(await (await fetch(`${fake.url}/api/version`)).json()).toEqual({ version: '0.5.4' });
    const other = await startFakeOllama({ version: '0.0.0' });
    try {
      expect(await (await fetch(`${other.url}/api/version`)).json()).toEqual({ version: '0.0.0' });
    } finally {
      await other.close();
    }
  });

  it('answers unknown paths with gin’s 404 text and wrong methods with 405', async () => {
    const missing = await fetch(`${fake.url}/api/nothing`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('404 page not found');
    const wrongMethod = await fetch(`${fake.url}/api/create`);
    expect(wrongMethod.status).toBe(405);
    expect(await wrongMethod.text()).toBe('405 method not allowed');
  });

  it('rejects a foreign Host header with 403 and an empty body, and accepts local ones', async () => {
    const evil = await rawRequest(`${fake.url}/api/tags`, { headers: { Host: 'evil.example.com' } });
    expect(evil.status).toBe(403);
    expect(evil.body).toBe('');
    for (const host of ['localhost:11434', '127.0.0.1', '[::1]:11434', 'my-box.local', '192.168.1.20:11434', 'ollama.internal']) {
      expect((await rawRequest(`${fake.url}/api/tags`, { headers: { Host: host } })).status, host).toBe(200);
    }
  });

  it('says "missing request body" for an empty POST and reports bad JSON with Go’s words', async () => {
    const empty = await post(`${fake.url}/api/show`, '');
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ error: 'missing request body' });
    const bad = await post(`${fake.url}/api/show`, 'xyz');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "invalid character 'x' looking for beginning of value" });
    const wrongType = await post(`${fake.url}/api/show`, { model: 42 });
    expect(await wrongType.json()).toEqual({ error: 'json: cannot unmarshal number into Go struct field ShowRequest.model of type string' });
  });

  it('records every request with its parsed body and status', async () => {
    await post(`${fake.url}/api/show`, { model: 'llama3' });
    const record = fake.lastRequest('/api/show');
    expect(record).toMatchObject({ method: 'POST', path: '/api/show', body: { model: 'llama3' }, status: 200, cancelled: false });
  });
});

describe('fake Ollama: going offline', () => {
  it('really stops listening (ECONNREFUSED) and comes back on the same port', async () => {
    const url = fake.url;
    await fake.setOffline(true);
    expect(fake.offline).toBe(true);
    expect(await fetchErrorCode(`${url}/api/version`)).toBe('ECONNREFUSED');
    await fake.setOffline(false);
    expect(fake.url).toBe(url);
    expect((await fetch(`${url}/api/version`)).status).toBe(200);
  });

  it('keeps the control API up while the API port is offline', async () => {
    const res = await post(`${fake.controlUrl}/control/offline`, { offline: true });
    expect(res.status).toBe(200);
    expect(await fetchErrorCode(`${fake.url}/`)).toBe('ECONNREFUSED');
    const state = (await (await fetch(`${fake.controlUrl}/control/state`)).json()) as Json;
    expect(state.offline).toBe(true);
    await post(`${fake.controlUrl}/control/offline`, { offline: false });
    expect((await fetch(`${fake.url}/`)).status).toBe(200);
  });
});

describe('fake Ollama: /api/tags and /api/show', () => {
  it('lists models newest first, with shortest names, digests and details', async () => {
    fake.addModel({ name: 'Library/Phi3:Mini', size: 2_000_000_000, family: 'phi3' });
    const { models } = (await (await fetch(`${fake.url}/api/tags`)).json()) as { models: Json[] };
    expect(models.map((m) => m.name)).toEqual(['Phi3:Mini', 'peteollama:property-manager-v1', 'llama3:latest']);
    const llama = models[2];
    expect(llama).toMatchObject({ name: 'llama3:latest', model: 'llama3:latest', size: 4_661_224_676, modified_at: '2025-08-01T10:00:00.000Z' });
    expect(llama?.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(llama?.details).toEqual({
      parent_model: '',
      format: 'gguf',
      family: 'llama',
      families: ['llama'],
      parameter_size: '8.0B',
      quantization_level: 'Q4_0',
    });
  });

  it('shows a model found case-insensitively with the implied :latest', async () => {
    const res = await post(`${fake.url}/api/show`, { model: 'PeteOllama:Property-Manager-V1' });
    expect(res.status).toBe(200);
    const show = (await res.json()) as Json;
    expect(show.system).toBe(PROPERTY_MANAGER_V1.system);
    expect(show.template).toBe(LLAMA3.template);
    expect(show.license).toBe(LLAMA3.license);
    expect(show.capabilities).toEqual(['completion']);
    expect(show.details).toMatchObject({ parent_model: 'llama3:latest', family: 'llama' });
    expect(show.modelfile).toMatch(/^# Modelfile generated by "ollama show"\n/);
    expect(show.modelfile).toContain('PARAMETER temperature 0.7');
    expect(show.parameters).toContain(`${'stop'.padEnd(30)} "<|eot_id|>"`);
    expect(show.model_info).toMatchObject({ 'general.architecture': 'llama' });
    expect(typeof show.modified_at).toBe('string');
  });

  it('omits empty fields, as Go’s omitempty does', async () => {
    fake.addModel({ name: 'bare', template: '', parameters: {} });
    const show = (await (await post(`${fake.url}/api/show`, { model: 'bare' })).json()) as Json;
    expect(show).not.toHaveProperty('system');
    expect(show).not.toHaveProperty('template');
    expect(show).not.toHaveProperty('parameters');
    expect(show).not.toHaveProperty('license');
  });

  it('answers a missing model with 404 and the name normalised with its tag', async () => {
    const res = await post(`${fake.url}/api/show`, { model: 'nope' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({ error: "model 'nope:latest' not found" });
  });

  it('requires a model and a valid name', async () => {
    expect(await (await post(`${fake.url}/api/show`, {})).json()).toEqual({ error: 'model is required' });
    const invalid = await post(`${fake.url}/api/show`, { model: 'bad name!' });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ error: 'invalid model name' });
  });
});

describe('fake Ollama: /api/delete and /api/copy', () => {
  it('deletes with an empty 200, then 404 with the name as sent', async () => {
    const res = await fetch(`${fake.url}/api/delete`, { method: 'DELETE', body: JSON.stringify({ model: 'LLAMA3' }) });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(fake.hasModel('llama3:latest')).toBe(false);
    const again = await fetch(`${fake.url}/api/delete`, { method: 'DELETE', body: JSON.stringify({ name: 'LLAMA3' }) });
    expect(again.status).toBe(404);
    expect(await again.json()).toEqual({ error: "model 'LLAMA3' not found" });
  });

  it('copies with an empty 200 (same digest), and 404s a missing source with double quotes', async () => {
    const res = await post(`${fake.url}/api/copy`, { source: 'llama3', destination: 'mine/llama3:copy' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const tags = fake.tags();
    const digest = (name: string): unknown => tags.find((m) => m.name === name)?.digest;
    expect(digest('mine/llama3:copy')).toBe(digest('llama3:latest'));

    const missing = await post(`${fake.url}/api/copy`, { source: 'ghost', destination: 'x' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'model "ghost" not found' });
    const invalid = await post(`${fake.url}/api/copy`, { source: 'llama3', destination: 'a b' });
    expect(await invalid.json()).toEqual({ error: 'destination "a b" is invalid' });
  });

  it('a copy onto a name Ollama has replaces that model (a release moving), keeping the spelling it had', async () => {
    await post(`${fake.url}/api/copy`, { source: 'llama3', destination: 'Family:latest' });
    expect((await post(`${fake.url}/api/copy`, { source: 'peteollama:property-manager-v1', destination: 'family' })).status).toBe(200);
    const tags = fake.tags();
    const digest = (name: string): unknown => tags.find((m) => m.name === name)?.digest;
    expect(tags.filter((m) => String(m.name).toLowerCase() === 'family:latest').map((m) => m.name)).toEqual(['Family:latest']);
    expect(digest('Family:latest')).toBe(digest('peteollama:property-manager-v1'));
    expect(digest('Family:latest')).not.toBe(digest('llama3:latest'));
  });
});

describe('fake Ollama: blobs', () => {
  const data = 'GGUF fake weights';
  const digest = `sha256:${createHash('sha256').update(data).digest('hex')}`;

  it('HEAD is 404 before an upload, 200 after; POST is 201 then 200', async () => {
    expect((await fetch(`${fake.url}/api/blobs/${digest}`, { method: 'HEAD' })).status).toBe(404);
    const created = await post(`${fake.url}/api/blobs/${digest}`, data);
    expect(created.status).toBe(201);
    expect(await created.text()).toBe('');
    expect((await fetch(`${fake.url}/api/blobs/${digest}`, { method: 'HEAD' })).status).toBe(200);
    // The dash form names the same file.
    expect((await fetch(`${fake.url}/api/blobs/${digest.replace(':', '-')}`, { method: 'HEAD' })).status).toBe(200);
    expect((await post(`${fake.url}/api/blobs/${digest}`, data)).status).toBe(200);
    expect(fake.lastRequest(`/api/blobs/${digest}`)?.method).toBe('POST');
  });

  it('rejects a malformed digest with 400 "invalid digest format"', async () => {
    const head = await fetch(`${fake.url}/api/blobs/sha256:abc`, { method: 'HEAD' });
    expect(head.status).toBe(400);
    const res = await post(`${fake.url}/api/blobs/../../etc/passwd`, 'x');
    expect(res.status).toBe(404); // not even routed, as with gin
    const bad = await post(`${fake.url}/api/blobs/sha256:${'z'.repeat(64)}`, 'x');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'invalid digest format' });
  });

  it('answers a body that does not hash to the digest with Ollama’s mismatch message', async () => {
    const claimed = `sha256:${'0'.repeat(64)}`;
    const res = await post(`${fake.url}/api/blobs/${claimed}`, data);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: `digest mismatch, expected "${claimed}", got "${digest}"` });
    expect(fake.hasBlob(claimed)).toBe(false);
  });
});

describe('fake Ollama: /api/ps', () => {
  it('lists loaded models with expires_at, size_vram and context_length', async () => {
    expect(await (await fetch(`${fake.url}/api/ps`)).json()).toEqual({ models: [] });
    await post(`${fake.url}/api/generate`, { model: 'llama3', keep_alive: '30m', options: { num_ctx: 2048 } });
    const { models } = (await (await fetch(`${fake.url}/api/ps`)).json()) as { models: Json[] };
    expect(models).toHaveLength(1);
    const loaded = models[0];
    expect(loaded).toMatchObject({ name: 'llama3:latest', model: 'llama3:latest', context_length: 2048 });
    expect(loaded?.size_vram).toBe(loaded?.size);
    const minutesLeft = (Date.parse(String(loaded?.expires_at)) - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(29);
    expect(minutesLeft).toBeLessThanOrEqual(30);
  });
});
