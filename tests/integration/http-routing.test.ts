import { afterEach, describe, expect, it } from 'vitest';
import { HttpError } from '../../src/main/http/http-error';
import { pathPattern } from '../../src/main/http/path-pattern';
import { parseRequestTarget } from '../../src/main/http/request-target';
import { send, startServer, type TestServer } from './http-fixtures';

describe('pathPattern', () => {
  it('matches literals exactly, with or without a trailing slash', () => {
    const p = pathPattern('/admin/models');
    expect(p.match('/admin/models')).toEqual({});
    expect(p.match('/admin/models/')).toEqual({});
    expect(p.match('/admin/model')).toBeNull();
    expect(p.match('/admin/models/x')).toBeNull();
  });

  it('decodes a one-segment parameter and refuses an empty one', () => {
    const p = pathPattern('/rpc/{call}');
    expect(p.match('/rpc/models.update')).toEqual({ call: 'models.update' });
    expect(p.match('/rpc/a%20b')).toEqual({ call: 'a b' });
    expect(p.match('/rpc/')).toBeNull();
    expect(p.match('/rpc/a/b')).toBeNull();
  });

  it('gives a rest parameter the remaining path, slashes included, decoded once', () => {
    const p = pathPattern('/admin/models/{name...}');
    expect(p.match('/admin/models/team/model:tag')).toEqual({ name: 'team/model:tag' });
    expect(p.match('/admin/models/team%2Fmodel%3Atag')).toEqual({ name: 'team/model:tag' });
    expect(p.match('/admin/models/a%252F')).toEqual({ name: 'a%2F' });
    expect(p.match('/admin/models')).toBeNull();
  });

  it('refuses malformed escapes and NUL with a 400 HttpError', () => {
    const p = pathPattern('/admin/models/{name...}');
    expect(() => p.match('/admin/models/%E0%A4%A')).toThrow(HttpError);
    expect(() => p.match('/admin/models/a%00b')).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('refuses a rest parameter that is not last', () => {
    expect(() => pathPattern('/a/{rest...}/b')).toThrow(/must come last/);
  });

  it('splits the query off and refuses non origin-form targets', () => {
    const target = parseRequestTarget('/a/b?x=1&y=2');
    expect(target.path).toBe('/a/b');
    expect(target.query.get('y')).toBe('2');
    expect(() => parseRequestTarget('http://evil.example/a')).toThrow(HttpError);
    expect(() => parseRequestTarget('*')).toThrow(HttpError);
  });
});

describe('routing errors through the server', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('answers a malformed escape in a model name with 400', async () => {
    server = await startServer();
    const res = await send(server, { method: 'PUT', path: '/admin/models/%E0%A4%A', body: {} });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({ detail: 'Malformed percent-encoding in the path' });
  });

  it('answers an absolute-form request target with 400', async () => {
    server = await startServer();
    const res = await send(server, { path: `http://127.0.0.1:${server.port}/admin/models` });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({ detail: 'Bad request target' });
  });
});
