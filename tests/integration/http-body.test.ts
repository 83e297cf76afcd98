import { afterEach, describe, expect, it } from 'vitest';
import { MAX_JSON_BODY_BYTES } from '../../src/main/http/json-body';
import { rpc, send, startServer, stubHandlers, type TestServer } from './http-fixtures';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const bigBody = (): string => JSON.stringify({ entry: { name: 'a', display_name: 'A', modelfile: 'x', description: 'x'.repeat(MAX_JSON_BODY_BYTES) } });

describe('JSON request bodies', () => {
  it('answers 413 with a clear message for a body over 1 MiB, and the connection still gets the answer', async () => {
    const stub = stubHandlers();
    server = await startServer({ handlers: stub.handlers });
    const res = await rpc(server, 'models.add', bigBody(), { headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
    expect(res.json()).toEqual({ ok: false, error: { kind: 'validation', message: 'Request body is larger than the limit of 1048576 bytes (1 MiB)' } });
    expect(stub.calls).toEqual([]);
  });

  it('counts the bytes of a chunked body without Content-Length too', async () => {
    server = await startServer();
    const res = await rpc(server, 'models.add', bigBody(), { headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } });
    expect(res.status).toBe(413);
  });

  it('answers 413 in the FastAPI shape on admin routes', async () => {
    server = await startServer();
    const res = await send(server, { method: 'POST', path: '/admin/models/add', body: bigBody(), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
    expect((res.json() as { detail: string }).detail).toContain('1 MiB');
  });

  it('answers 400 saying the JSON is malformed', async () => {
    server = await startServer();
    const res = await rpc(server, 'models.add', '{"entry": {', { headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    const body = res.json() as { error: { kind: string; message: string } };
    expect(body.error.kind).toBe('validation');
    expect(body.error.message).toMatch(/^Request body is not valid JSON: /);
  });

  it('answers 400 on admin routes for malformed JSON', async () => {
    server = await startServer();
    const res = await send(server, { method: 'PUT', path: '/admin/models/x', body: '{nope', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect((res.json() as { detail: string }).detail).toMatch(/^Request body is not valid JSON: /);
  });

  it('tolerates a JSON-looking body sent with another content type (curl -d)', async () => {
    const stub = stubHandlers();
    server = await startServer({ handlers: stub.handlers });
    const res = await send(server, {
      method: 'PUT',
      path: '/admin/models/peteollama:property-manager-v1',
      body: '{"description":"via curl"}',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(200);
    expect(stub.registry.models['peteollama:property-manager-v1']?.description).toBe('via curl');
  });

  it('refuses a body that is neither declared nor looking like JSON with 415', async () => {
    server = await startServer();
    const res = await rpc(server, 'models.add', 'entry=1', { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(415);
    expect(res.json()).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('refuses compressed bodies with 415', async () => {
    server = await startServer();
    const res = await rpc(server, 'app.info', '{}', { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
    expect(res.status).toBe(415);
  });

  it('refuses a body that is not UTF-8 with 400', async () => {
    server = await startServer();
    const res = await rpc(server, 'app.info', Buffer.from([0x7b, 0xff, 0x7d]), { headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: { message: 'Request body is not valid UTF-8' } });
  });

  it('goes on answering requests after a 413', async () => {
    server = await startServer();
    await rpc(server, 'models.add', bigBody(), { headers: { 'content-type': 'application/json' } });
    const res = await rpc(server, 'app.info');
    expect(res.status).toBe(200);
  });
});
