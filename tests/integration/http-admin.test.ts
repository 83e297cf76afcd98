import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { seedRegistry, send, startServer, stubHandlers, type TestServer } from './http-fixtures';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const V1 = 'peteollama:property-manager-v1';

describe('GET /admin/models', () => {
  it('syncs, then returns the registry file in the seed format (unknown keys kept)', async () => {
    const stub = stubHandlers();
    server = await startServer({ handlers: stub.handlers });
    const res = await send(server, { path: '/admin/models' });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual(seedRegistry());
    expect(res.json()).toMatchObject({ models: { [V1]: { is_jamie_model: true, show_in_ui: true } } });
    expect(stub.calls.map((c) => c.name)).toEqual(['sync.now', 'registry.get']);
  });

  it('accepts the FastAPI path with a trailing slash', async () => {
    server = await startServer();
    const res = await send(server, { path: '/admin/models/' });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ default_model: V1 });
  });

  it('still answers when the sync fails because Ollama is offline', async () => {
    const stub = stubHandlers({ 'sync.now': () => Promise.reject(new AppError('offline', 'Ollama is not running')) });
    server = await startServer({ handlers: stub.handlers });
    const res = await send(server, { path: '/admin/models' });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual(seedRegistry());
  });
});

describe('PUT /admin/models/{name}', () => {
  it('updates an entry and answers like the seed', async () => {
    const stub = stubHandlers();
    server = await startServer({ handlers: stub.handlers });
    const res = await send(server, { method: 'PUT', path: `/admin/models/${V1}`, body: { display_name: 'Pete 1', auto_preload: false } });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ status: 'success', message: `Model ${V1} updated` });
    expect(stub.registry.models[V1]).toMatchObject({ display_name: 'Pete 1', auto_preload: false, is_jamie_model: true });
  });

  it.each([
    ['slashes as they are', '/admin/models/team/pete:v2'],
    ['percent-encoded', '/admin/models/team%2Fpete%3Av2'],
  ])('takes the rest of the path as the name, with %s', async (_label, path) => {
    const stub = stubHandlers();
    stub.registry.models['team/pete:v2'] = { ...stub.registry.models[V1]!, name: 'team/pete:v2' };
    server = await startServer({ handlers: stub.handlers });
    const res = await send(server, { method: 'PUT', path, body: { description: 'x' } });
    expect(res.json()).toEqual({ status: 'success', message: 'Model team/pete:v2 updated' });
    expect(stub.calls).toContainEqual({ name: 'models.update', input: { name: 'team/pete:v2', patch: { description: 'x' } } });
  });

  it('answers 404 in the seed words for an unknown model', async () => {
    server = await startServer();
    const res = await send(server, { method: 'PUT', path: '/admin/models/nope:latest', body: { description: 'x' } });
    expect(res.status).toBe(404);
    expect(res.json()).toEqual({ detail: 'Model nope:latest not found' });
  });

  it('answers 422 naming the bad field of the body', async () => {
    const stub = stubHandlers();
    server = await startServer({ handlers: stub.handlers });
    const res = await send(server, { method: 'PUT', path: `/admin/models/${V1}`, body: { show_in_ui: 'yes' } });
    expect(res.status).toBe(422);
    const detail = (res.json() as { detail: string }).detail;
    expect(detail).toMatch(/^Invalid request body: show_in_ui: /);
    expect(stub.registry.models[V1]?.show_in_ui).toBe(true);
  });

  it('answers 422 when the body is missing', async () => {
    server = await startServer();
    const res = await send(server, { method: 'PUT', path: `/admin/models/${V1}` });
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({ detail: 'Request body is required: send a JSON object' });
  });

  it('answers 409 with the handler message while the registry file is read-only', async () => {
    const message = 'model_settings.json is invalid; fix the file, then try again';
    const stub = stubHandlers({ 'models.update': () => Promise.reject(new AppError('read_only', message)) });
    server = await startServer({ handlers: stub.handlers });
    const res = await send(server, { method: 'PUT', path: `/admin/models/${V1}`, body: { description: 'x' } });
    expect(res.status).toBe(409);
    expect(res.json()).toEqual({ detail: message });
  });

  it('answers 503 when the handler reports Ollama offline', async () => {
    const stub = stubHandlers({ 'models.update': () => Promise.reject(new AppError('offline', 'Ollama is not running')) });
    server = await startServer({ handlers: stub.handlers });
    const res = await send(server, { method: 'PUT', path: `/admin/models/${V1}`, body: { description: 'x' } });
    expect(res.status).toBe(503);
    expect(res.json()).toEqual({ detail: 'Ollama is not running' });
  });
});

describe('POST /admin/models/add', () => {
  const entry = {
    name: 'peteollama:property-manager-v3',
    display_name: 'PeteOllama Property Manager v3',
    version: 'v3',
    base_model: 'llama3:latest',
    modelfile: 'models/Modelfile.v3',
    is_jamie_model: true,
  };

  it('adds an entry (extra keys kept) and answers like the seed', async () => {
    const stub = stubHandlers();
    server = await startServer({ handlers: stub.handlers });
    const res = await send(server, { method: 'POST', path: '/admin/models/add', body: entry });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ status: 'success', message: `Model ${entry.name} added to configuration` });
    expect(stub.registry.models[entry.name]).toMatchObject({ ...entry, status: 'pending' });
  });

  it('answers 409 for a name that exists', async () => {
    server = await startServer();
    const res = await send(server, { method: 'POST', path: '/admin/models/add', body: { ...entry, name: V1 } });
    expect(res.status).toBe(409);
    expect(res.json()).toEqual({ detail: `Model ${V1} already exists` });
  });

  it('answers 422 naming each missing field', async () => {
    server = await startServer();
    const res = await send(server, { method: 'POST', path: '/admin/models/add', body: { name: 'x' } });
    expect(res.status).toBe(422);
    const detail = (res.json() as { detail: string }).detail;
    expect(detail).toContain('display_name: ');
    expect(detail).toContain('modelfile: ');
    expect(detail).not.toContain('entry.');
  });

  it('is not taken for an update of a model named "add"', async () => {
    const stub = stubHandlers();
    server = await startServer({ handlers: stub.handlers });
    const res = await send(server, { method: 'PUT', path: '/admin/models/add', body: { description: 'x' } });
    expect(res.status).toBe(404);
    expect(res.json()).toEqual({ detail: 'Model add not found' });
  });

  it('answers a method the path does not take with 405', async () => {
    server = await startServer();
    const res = await send(server, { method: 'DELETE', path: `/admin/models/${V1}` });
    expect(res.status).toBe(405);
    expect(res.json()).toEqual({ detail: 'Method Not Allowed' });
  });

  it('hides internal errors behind a 500 detail, logging them', async () => {
    const stub = stubHandlers({ 'models.add': () => Promise.reject(new Error('disk on fire')) });
    server = await startServer({ handlers: stub.handlers });
    const res = await send(server, { method: 'POST', path: '/admin/models/add', body: entry });
    expect(res.status).toBe(500);
    expect((res.json() as { detail: string }).detail).toContain('disk on fire');
    expect(server.logs.join('\n')).toContain('Error: disk on fire');
  });
});
