import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ollamaModelSchema, runningModelSchema, showResultSchema } from '../../src/shared/contract';
import { AppError } from '../../src/shared/errors';
import { createOllamaGateway } from '../../src/main/ollama/gateway';
import { LLAMA3, PROPERTY_MANAGER_V1, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { post } from '../support/fake-ollama/test-http';

let fake: FakeOllama;

beforeEach(async () => {
  fake = await startFakeOllama({ models: [LLAMA3, PROPERTY_MANAGER_V1], version: '0.17.0' });
});
afterEach(async () => {
  await fake.close();
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A fetch that answers every request with this body and status. */
function answering(body: string, status = 200, contentType = 'application/json; charset=utf-8'): typeof fetch {
  return () => Promise.resolve(new Response(body, { status, headers: { 'Content-Type': contentType } }));
}

describe('gateway against the fake Ollama', () => {
  it('reads the version', async () => {
    expect(await createOllamaGateway(fake.url).version()).toBe('0.17.0');
  });

  it('lists models in the contract’s camelCase shape', async () => {
    const models = await createOllamaGateway(fake.url).list();
    expect(models.map((m) => m.name)).toEqual(['peteollama:property-manager-v1', 'llama3:latest']);
    for (const model of models) expect(ollamaModelSchema.parse(model)).toEqual(model);
    expect(models[1]).toMatchObject({
      name: 'llama3:latest',
      size: 4_661_224_676,
      modifiedAt: '2025-08-01T10:00:00.000Z',
      details: { family: 'llama', parameter_size: '8.0B', quantization_level: 'Q4_0' },
    });
    expect(models[1]?.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists running models with sizeVram and expiresAt', async () => {
    const gateway = createOllamaGateway(fake.url);
    expect(await gateway.running()).toEqual([]);
    await post(`${fake.url}/api/generate`, { model: 'llama3', keep_alive: '5m' });
    const running = await gateway.running();
    expect(running).toHaveLength(1);
    expect(runningModelSchema.parse(running[0])).toEqual(running[0]);
    expect(running[0]).toMatchObject({ name: 'llama3:latest', sizeVram: running[0]?.size });
    expect(Date.parse(running[0]?.expiresAt ?? '')).toBeGreaterThan(Date.now());
  });

  it('shows a model, with empty strings for what Ollama omits', async () => {
    const gateway = createOllamaGateway(fake.url);
    const show = await gateway.show('peteollama:property-manager-v1');
    expect(showResultSchema.parse(show)).toEqual(show);
    expect(show.system).toBe(PROPERTY_MANAGER_V1.system);
    expect(show.capabilities).toEqual(['completion']);
    expect(show.modelfile).toContain('SYSTEM');

    fake.addModel({ name: 'plain', template: '', parameters: {} });
    expect(await gateway.show('plain')).toMatchObject({ system: '', template: '', parameters: '', license: '' });
  });

  it('keeps the host it was given, without a trailing slash', () => {
    expect(createOllamaGateway(`${fake.url}/`).host).toBe(fake.url);
  });

  it('uses the fetch it is given', async () => {
    const seen: string[] = [];
    const gateway = createOllamaGateway(fake.url, {
      fetch: (input, init) => {
        seen.push(String(input));
        return fetch(input, init);
      },
    });
    await gateway.version();
    expect(seen).toEqual([`${fake.url}/api/version`]);
  });
});

describe('gateway errors', () => {
  it('maps a refused connection to `offline`, naming the host and `ollama serve`', async () => {
    await fake.setOffline(true);
    const error = await failure(createOllamaGateway(fake.url).list());
    expect(error.kind).toBe('offline');
    expect(error.message).toContain(fake.url);
    expect(error.message).toContain('connection refused');
    expect(error.message).toContain('ollama serve');
  });

  it('maps an unknown host name to `offline`', async () => {
    const error = await failure(createOllamaGateway('http://modelwright-no-such-host.invalid:11434', { timeoutMs: 3000 }).version());
    expect(error.kind).toBe('offline');
    expect(error.message).toContain('modelwright-no-such-host.invalid');
  });

  it('maps a slow answer to `offline` once the per-call limit passes', async () => {
    fake.setLatency(500);
    const started = Date.now();
    const error = await failure(createOllamaGateway(fake.url, { timeoutMs: 100 }).list());
    expect(Date.now() - started).toBeLessThan(450);
    expect(error.kind).toBe('offline');
    expect(error.message).toMatch(/did not answer \/api\/tags within 0\.1 s/);
  });

  it('maps a request that never gets an answer to `offline`', async () => {
    fake.hangNext({ path: '/api/version' });
    const error = await failure(createOllamaGateway(fake.url, { timeoutMs: 150 }).version());
    expect(error.kind).toBe('offline');
  });

  it('gives up a model load that Ollama never answers at the stall limit, as stalled (not offline)', async () => {
    fake.hangNext({ path: '/api/generate' });
    const gateway = createOllamaGateway(fake.url, { timeouts: { connectMs: 1_000, callMs: 100, stallMs: 400, noticeMs: 200 } });
    const started = Date.now();
    const error = await failure(gateway.load('llama3'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(error.kind).toBe('stalled');
    expect(error.message).toMatch(/stopped answering \/api\/generate: no answer for 0\.4 s/);
  });

  it('maps 404 to `not_found` with Ollama’s own message', async () => {
    const error = await failure(createOllamaGateway(fake.url).show('nope'));
    expect(error.kind).toBe('not_found');
    expect(error.message).toBe("model 'nope:latest' not found");
  });

  it('maps other HTTP errors to `ollama` with status and message', async () => {
    fake.failNext({ path: '/api/tags', status: 500, error: 'model list cache unavailable' });
    const error = await failure(createOllamaGateway(fake.url).list());
    expect(error.kind).toBe('ollama');
    expect(error.message).toBe('Ollama returned an error (HTTP 500): model list cache unavailable');
  });

  it('explains a 403 from Ollama’s Host check', async () => {
    const error = await failure(createOllamaGateway(fake.url, { fetch: answering('', 403, 'text/plain') }).list());
    expect(error.kind).toBe('ollama');
    expect(error.message).toMatch(/HTTP 403/);
    expect(error.message).toMatch(/host/i);
  });

  it('says a 404 "page not found" means the server has no such endpoint', async () => {
    const error = await failure(createOllamaGateway(fake.url, { fetch: answering('404 page not found', 404, 'text/plain') }).running());
    expect(error.kind).toBe('ollama');
    expect(error.message).toMatch(/has no \/api\/ps/);
  });

  it('rejects a reply missing required fields with a clear `ollama` error', async () => {
    const gateway = createOllamaGateway(fake.url, { fetch: answering(JSON.stringify({ models: [{ name: 'x', size: 'big' }] })) });
    const error = await failure(gateway.list());
    expect(error.kind).toBe('ollama');
    expect(error.message).toMatch(/^Ollama sent an unexpected reply to \/api\/tags: models\[0\]\.modified_at: /);
    expect(error.message).toContain('models[0].size');
  });

  it('rejects a reply that is not JSON', async () => {
    const error = await failure(createOllamaGateway(fake.url, { fetch: answering('<html>proxy error</html>', 200, 'text/html') }).version());
    expect(error.kind).toBe('ollama');
    expect(error.message).toMatch(/unexpected reply to \/api\/version: not JSON/);
  });

  it('accepts extra fields', async () => {
    const gateway = createOllamaGateway(fake.url, { fetch: answering(JSON.stringify({ models: [], future: true })) });
    expect(await gateway.list()).toEqual([]);
  });

  it('refuses a null model list: it is a broken reply, not "no models"', async () => {
    const error = await failure(createOllamaGateway(fake.url, { fetch: answering(JSON.stringify({ models: null })) }).list());
    expect(error.kind).toBe('ollama');
    expect(error.message).toMatch(/^Ollama sent an unexpected reply to \/api\/tags: models: .*null.*Check that the host in Settings is Ollama/);
  });

  it('reports a host that is not a URL as a validation error', async () => {
    const error = await failure(createOllamaGateway('http://[bad').version());
    expect(error.kind).toBe('validation');
    expect(error.message).toContain('Settings');
  });
});
