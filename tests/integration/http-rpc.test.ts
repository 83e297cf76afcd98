import { afterEach, describe, expect, it } from 'vitest';
import { AppError, ERROR_KINDS, type ErrorKind } from '../../src/shared/errors';
import { rpc, send, startServer, stubHandlers, type TestServer } from './http-fixtures';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('POST /rpc/<call>', () => {
  it('answers a call with an empty body as if the input were {}', async () => {
    server = await startServer();
    const res = await rpc(server, 'app.info');
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ ok: true, value: { name: 'Modelwright', version: '0.1.0', mode: 'headless', platform: 'linux' } });
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('passes the parsed input to the handler and returns its output', async () => {
    const stub = stubHandlers();
    server = await startServer({ handlers: stub.handlers });
    const res = await rpc(server, 'models.update', { name: 'peteollama:property-manager-v1', patch: { show_in_ui: false } });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, value: { name: 'peteollama:property-manager-v1', show_in_ui: false, is_jamie_model: true } });
    expect(stub.calls).toContainEqual({ name: 'models.update', input: { name: 'peteollama:property-manager-v1', patch: { show_in_ui: false } } });
  });

  it('refuses invalid input with a validation error naming the field, without calling the handler', async () => {
    const stub = stubHandlers();
    server = await startServer({ handlers: stub.handlers });
    const res = await rpc(server, 'models.update', { name: 'peteollama:property-manager-v1', patch: { show_in_ui: 'yes' } });
    expect(res.status).toBe(400);
    const body = res.json() as { ok: false; error: { kind: string; message: string; issues: { path: string }[] } };
    expect(body.ok).toBe(false);
    expect(body.error.kind).toBe('validation');
    expect(body.error.message).toContain('patch.show_in_ui');
    expect(body.error.issues.map((issue) => issue.path)).toEqual(['patch.show_in_ui']);
    expect(stub.calls.filter((c) => c.name === 'models.update')).toEqual([]);
  });

  it('refuses keys a call does not take (inputs are strict objects)', async () => {
    server = await startServer();
    const res = await rpc(server, 'app.info', { surprise: 1 });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('answers an unknown call with a 404 envelope', async () => {
    server = await startServer();
    const res = await rpc(server, 'models.explode', {});
    expect(res.status).toBe(404);
    expect(res.json()).toEqual({ ok: false, error: { kind: 'not_found', message: 'Unknown call "models.explode"' } });
  });

  it('answers GET on a call route with 405 and the allowed method', async () => {
    server = await startServer();
    const res = await send(server, { path: '/rpc/app.info' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
  });

  const expectedStatus: Record<ErrorKind, number> = {
    validation: 400,
    not_found: 404,
    conflict: 409,
    read_only: 409,
    busy: 503,
    forbidden: 403,
    offline: 503,
    stalled: 504,
    ollama: 502,
    cancelled: 409,
    internal: 500,
  };
  it.each(ERROR_KINDS.filter((kind) => kind !== 'internal'))('maps a thrown %s AppError to its status, keeping kind and message', async (kind) => {
    const stub = stubHandlers({
      'ollama.running': () => Promise.reject(new AppError(kind, `it went ${kind}`)),
    });
    server = await startServer({ handlers: stub.handlers });
    const res = await rpc(server, 'ollama.running');
    expect(res.status).toBe(expectedStatus[kind]);
    expect(res.json()).toEqual({ ok: false, error: { kind, message: `it went ${kind}` } });
  });

  it('keeps the field issues of a validation AppError thrown by a handler', async () => {
    const issues = [{ path: 'entry.name', message: 'must be lower case' }];
    const stub = stubHandlers({ 'ollama.running': () => Promise.reject(new AppError('validation', 'Bad name', issues)) });
    server = await startServer({ handlers: stub.handlers });
    const res = await rpc(server, 'ollama.running');
    expect(res.json()).toEqual({ ok: false, error: { kind: 'validation', message: 'Bad name', issues } });
  });

  it('turns an unexpected exception into a 500 internal error, logging its stack', async () => {
    const stub = stubHandlers({ 'ollama.running': () => Promise.reject(new TypeError('cannot read x of undefined')) });
    server = await startServer({ handlers: stub.handlers });
    const res = await rpc(server, 'ollama.running');
    expect(res.status).toBe(500);
    const body = res.json() as { error: { kind: string; message: string } };
    expect(body.error.kind).toBe('internal');
    expect(body.error.message).toContain('Something went wrong');
    expect(body.error.message).toContain('cannot read x of undefined');
    expect(server.logs.join('\n')).toMatch(/ollama\.running failed: TypeError: cannot read x of undefined\n\s+at /);
  });

  it('catches a handler answering data that breaks the contract, as an internal error', async () => {
    const stub = stubHandlers({
      'app.info': (async () => ({ name: 42, version: '1', mode: 'sideways', platform: 'x' })) as never,
    });
    server = await startServer({ handlers: stub.handlers });
    const res = await rpc(server, 'app.info');
    expect(res.status).toBe(500);
    const body = res.json() as { ok: boolean; error: { kind: string; message: string }; value?: unknown };
    expect(body.ok).toBe(false);
    expect(body.value).toBeUndefined();
    expect(body.error.kind).toBe('internal');
    expect(body.error.message).toContain('did not match the contract');
    expect(body.error.message).toContain('name');
    expect(server.logs.some((line) => line.includes('app.info'))).toBe(true);
  });

  it('serializes output through the contract (defaults filled in)', async () => {
    const stub = stubHandlers({
      'models.add': async ({ entry }) => ({ name: entry.name, display_name: entry.display_name }),
    });
    server = await startServer({ handlers: stub.handlers });
    const res = await rpc(server, 'models.add', { entry: { name: 'a', display_name: 'A', modelfile: 'models/A' } });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      ok: true,
      value: { name: 'a', display_name: 'A', description: '', version: '', base_model: '', modelfile: '', show_in_ui: true, auto_preload: false, status: 'pending' },
    });
  });
});
