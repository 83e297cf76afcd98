import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LLAMA3, QWEN3_30B, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { fetchErrorCode, ndjson, post, readLines, type Json } from '../support/fake-ollama/test-http';

let fake: FakeOllama;

beforeEach(async () => {
  fake = await startFakeOllama({ models: [LLAMA3], library: [QWEN3_30B] });
});
afterEach(async () => {
  await fake.close();
});

const control = (path: string, body?: unknown, method = 'POST'): Promise<Response> =>
  fetch(`${fake.controlUrl}/control/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });

describe('fake fault switches', () => {
  it('adds latency to every request', async () => {
    fake.setLatency(80);
    const started = Date.now();
    await fetch(`${fake.url}/api/version`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('fails the next request (to a path) with the given status and error body, then recovers', async () => {
    fake.failNext({ path: '/api/tags', status: 500, error: 'disk on fire' });
    expect((await fetch(`${fake.url}/api/version`)).status).toBe(200); // other paths unaffected
    const failed = await fetch(`${fake.url}/api/tags`);
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: 'disk on fire' });
    expect((await fetch(`${fake.url}/api/tags`)).status).toBe(200);
  });

  it('fails as many times as asked', async () => {
    fake.failNext({ status: 503, error: 'server busy, please try again.  maximum pending requests exceeded', times: 2 });
    expect((await fetch(`${fake.url}/api/tags`)).status).toBe(503);
    expect((await fetch(`${fake.url}/api/ps`)).status).toBe(503);
    expect((await fetch(`${fake.url}/api/ps`)).status).toBe(200);
  });

  it('fails mid-stream: N lines, then an error line on the 200 response', async () => {
    fake.failMidStream({ afterLines: 2, error: 'llama runner process has terminated' });
    const res = await post(`${fake.url}/api/chat`, { model: 'llama3', messages: [{ role: 'user', content: 'hi' }] });
    expect(res.status).toBe(200);
    const lines = await ndjson(res);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toEqual({ error: 'llama runner process has terminated' });
  });

  it('hangs: never answers until the client gives up', async () => {
    fake.hangNext({ path: '/api/tags' });
    const code = await fetchErrorCode(`${fake.url}/api/tags`, { signal: AbortSignal.timeout(150) });
    expect(code).toBe('TimeoutError');
    expect((await fetch(`${fake.url}/api/tags`)).status).toBe(200);
  });

  it('hangs mid-stream: lines stop coming but the connection stays open', async () => {
    fake.hangNext({ path: '/api/pull', afterLines: 1 });
    const controller = new AbortController();
    const res = await post(`${fake.url}/api/pull`, { model: 'qwen3:30b' }, { signal: controller.signal });
    const timer = setTimeout(() => controller.abort(), 150);
    const lines: Json[] = [];
    await readLines(res, (line) => void lines.push(line)).catch((error: Error) => expect(error.name).toBe('AbortError'));
    clearTimeout(timer);
    expect(lines).toEqual([{ status: 'pulling manifest' }]);
  });

  it('drops the connection before answering, or mid-stream', async () => {
    fake.dropNext({ path: '/api/version' });
    expect(await fetchErrorCode(`${fake.url}/api/version`)).toMatch(/UND_ERR_SOCKET|ECONNRESET|other side closed/i);

    fake.dropNext({ path: '/api/pull', afterLines: 2 });
    const res = await post(`${fake.url}/api/pull`, { model: 'qwen3:30b' });
    const lines: Json[] = [];
    const error = await readLines(res, (line) => void lines.push(line)).then(
      () => null,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(lines).toHaveLength(2);
    expect(fake.hasModel('qwen3:30b')).toBe(false);
  });

  it('sends one huge line with no newline, as fast as the client reads', async () => {
    fake.hugeLineNext({ path: '/api/pull', bytes: 1_000_000 });
    const res = await post(`${fake.url}/api/pull`, { model: 'qwen3:30b' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    const text = await res.text();
    expect(text.startsWith('{"status":"xxx')).toBe(true);
    expect(text).toHaveLength('{"status":"'.length + 1_000_000);
    expect(text).not.toContain('\n');
  });

  it('sends a line that is not JSON after N good ones, then ends the stream', async () => {
    fake.garbageNext({ path: '/api/pull', afterLines: 1, text: '<html>oops</html>' });
    const res = await post(`${fake.url}/api/pull`, { model: 'qwen3:30b' });
    expect((await res.text()).split('\n')).toEqual(['{"status":"pulling manifest"}', '<html>oops</html>', '']);
  });

  it('answers the next request with exactly the given body, e.g. a null model list', async () => {
    fake.replyNext({ path: '/api/tags', body: '{"models":null}' });
    const res = await fetch(`${fake.url}/api/tags`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"models":null}');
    expect(await (await fetch(`${fake.url}/api/tags`)).json()).toMatchObject({ models: [expect.objectContaining({ name: 'llama3:latest' })] });
  });

  it('takes a blob upload in full and never answers it, passing over the HEAD before it', async () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    fake.hangNext({ path: '/api/blobs/', method: 'POST', drainBody: true });
    expect((await fetch(`${fake.url}/api/blobs/${digest}`, { method: 'HEAD' })).status).toBe(404);
    const code = await fetchErrorCode(`${fake.url}/api/blobs/${digest}`, { method: 'POST', body: 'x'.repeat(1000), signal: AbortSignal.timeout(300) });
    expect(code).toBe('TimeoutError');
    expect(fake.requestsTo(`/api/blobs/${digest}`, 'POST')[0]).toMatchObject({ bytes: 1000, status: null });
    await vi.waitFor(() => expect(fake.requestsTo(`/api/blobs/${digest}`, 'POST')[0]?.cancelled).toBe(true));
  });

  it('reset restores the seeds and clears faults, settings and the log', async () => {
    fake.removeModel('llama3');
    fake.setLatency(500);
    fake.failNext({ status: 500, error: 'x' });
    await fake.reset();
    expect(fake.pendingFaults()).toEqual([]);
    expect(fake.requests).toHaveLength(0);
    const res = await fetch(`${fake.url}/api/tags`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { models: Json[] }).models.map((m) => m.name)).toEqual(['llama3:latest']);
  });
});

describe('fake control API (for other processes)', () => {
  it('adds and removes models and library entries', async () => {
    expect((await control('models', { name: 'phi3:mini', size: 2_000_000_000 })).status).toBe(200);
    expect(fake.hasModel('phi3:mini')).toBe(true);
    expect(await (await control('models', { name: 'phi3:mini' }, 'DELETE')).json()).toEqual({ removed: true });
    expect(fake.hasModel('phi3:mini')).toBe(false);
    await control('library', { name: 'mistral:7b' });
    expect((await (await control('state', undefined, 'GET')).json()) as Json).toMatchObject({ library: ['qwen3:30b', 'mistral:7b'] });
  });

  it('queues faults and sets latency, version and chat', async () => {
    await control('fail-next', { status: 500, error: 'boom', path: '/api/tags' });
    expect(await (await fetch(`${fake.url}/api/tags`)).json()).toEqual({ error: 'boom' });
    await control('version', { version: '0.5.4' });
    expect(await (await fetch(`${fake.url}/api/version`)).json()).toEqual({ version: '0.5.4' });
    await control('chat', { text: 'via control' });
    const reply = await post(`${fake.url}/api/chat`, { model: 'llama3', messages: [{ role: 'user', content: 'x' }], stream: false });
    expect(((await reply.json()) as { message: Json }).message.content).toBe('via control');
    await control('latency', { ms: 0 });
  });

  it('serves the request log, filtered by path, and clears it', async () => {
    await post(`${fake.url}/api/show`, { model: 'llama3' });
    await fetch(`${fake.url}/api/tags`);
    const shown = (await (await control('requests?path=/api/show', undefined, 'GET')).json()) as Json[];
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ method: 'POST', body: { model: 'llama3' }, status: 200 });
    await control('requests', undefined, 'DELETE');
    expect(await (await control('requests', undefined, 'GET')).json()).toEqual([]);
  });

  it('answers bad control input with 400 and unknown routes with 404', async () => {
    const bad = await control('fail-next', { status: 'x' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).error).toMatch(/status/);
    expect((await control('nonsense', {})).status).toBe(404);
  });

  it('queues the huge-line, garbage and raw-reply faults', async () => {
    await control('reply-next', { path: '/api/tags', body: '{"models":null}' });
    expect(await (await fetch(`${fake.url}/api/tags`)).text()).toBe('{"models":null}');
    await control('garbage-next', { path: '/api/pull', afterLines: 0, text: 'nope' });
    expect(await (await post(`${fake.url}/api/pull`, { model: 'qwen3:30b' })).text()).toBe('nope\n');
    await control('huge-line-next', { path: '/api/tags', bytes: 10 });
    expect(await (await fetch(`${fake.url}/api/tags`)).text()).toBe('{"status":"xxxxxxxxxx');
  });

  it('resets over HTTP', async () => {
    await control('models', { name: 'extra' });
    const state = (await (await control('reset')).json()) as Json;
    expect(state.models).toEqual(['llama3:latest']);
  });
});
