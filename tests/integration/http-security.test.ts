import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../src/main/events';
import { createToken, hasBearerToken } from '../../src/main/http/bearer-token';
import { createHostPolicy, isAllowedHost, isAllowedOrigin } from '../../src/main/http/security';
import { createHttpServer } from '../../src/main/http/server';
import { corsHeaders, rpc, send, startServer, stubHandlers, TOKEN, type TestServer } from './http-fixtures';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('bearer token', () => {
  it.each([
    ['/rpc/app.info', 'POST'],
    ['/events', 'GET'],
    ['/admin/models', 'GET'],
    ['/admin/models/x', 'PUT'],
    ['/v1/models', 'GET'],
  ])('refuses %s without a token: 401, detail, WWW-Authenticate', async (path, method) => {
    server = await startServer();
    const res = await send(server, { method, path, auth: false });
    expect(res.status).toBe(401);
    expect(res.json()).toEqual({ detail: 'Not authenticated' });
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it.each([
    ['a wrong token of the same length', `Bearer ${'x'.repeat(TOKEN.length)}`],
    ['a wrong token of another length', 'Bearer short'],
    ['the token with a prefix', `Bearer x${TOKEN}`],
    ['the right token in another scheme', `Basic ${TOKEN}`],
    ['the bare token', TOKEN],
    ['an empty bearer', 'Bearer '],
  ])('refuses %s', async (_label, authorization) => {
    server = await startServer();
    const res = await rpc(server, 'app.info', undefined, { auth: false, headers: { authorization } });
    expect(res.status).toBe(401);
  });

  it('accepts the right token', async () => {
    server = await startServer();
    const res = await rpc(server, 'app.info');
    expect(res.status).toBe(200);
  });

  it('compares without throwing whatever the lengths (constant-time compare on digests)', () => {
    const token = createToken();
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect(hasBearerToken(`Bearer ${token}`, token)).toBe(true);
    expect(hasBearerToken(`bearer ${token}`, token)).toBe(true);
    expect(hasBearerToken(`Bearer ${token}x`, token)).toBe(false);
    expect(hasBearerToken(`Bearer ${token.slice(1)}`, token)).toBe(false);
    expect(hasBearerToken(`Bearer ${'é'.repeat(200)}`, token)).toBe(false);
    expect(hasBearerToken(undefined, token)).toBe(false);
  });

  it('refuses to start with a short token', async () => {
    await expect(
      createHttpServer({ handlers: stubHandlers().handlers, bus: new EventBus(), credentials: { apiKey: 'short', sessionToken: null }, staticDir: null, host: '127.0.0.1', port: 0 }),
    ).rejects.toThrow(/at least 16/);
  });
});

describe('Host allow-list (DNS rebinding)', () => {
  it.each(['evil.example', 'evil.example:PORT', '127.0.0.1', '127.0.0.1:1', 'localhost.:PORT', '127.0.0.1.evil.example:PORT'])(
    'refuses Host %s with 403 even with a valid token',
    async (host) => {
      server = await startServer();
      const res = await rpc(server, 'app.info', undefined, { headers: { host: host.replace('PORT', String(server.port)) } });
      expect(res.status).toBe(403);
      expect(res.json()).toEqual({ detail: 'Host not allowed' });
    },
  );

  it('refuses a foreign Host on the UI files too', async () => {
    server = await startServer();
    const res = await send(server, { path: '/', auth: false, headers: { host: 'evil.example' } });
    expect(res.status).toBe(403);
    expect(res.json()).toEqual({ detail: 'Host not allowed' });
  });

  it.each(['127.0.0.1:PORT', 'localhost:PORT', 'LOCALHOST:PORT', '[::1]:PORT'])('accepts Host %s', async (host) => {
    server = await startServer();
    const res = await rpc(server, 'app.info', undefined, { headers: { host: host.replace('PORT', String(server.port)) } });
    expect(res.status).toBe(200);
  });

  it('accepts the bound address, but never a wildcard address, as a host name', () => {
    const lan = createHostPolicy('192.168.1.5', 8080);
    expect(isAllowedHost(lan, '192.168.1.5:8080')).toBe(true);
    expect(isAllowedHost(lan, '127.0.0.1:8080')).toBe(true);
    expect(isAllowedOrigin(lan, 'http://192.168.1.5:8080')).toBe(true);
    const v6 = createHostPolicy('fe80::1', 8080);
    expect(isAllowedHost(v6, '[fe80::1]:8080')).toBe(true);
    const any = createHostPolicy('0.0.0.0', 8080);
    expect(isAllowedHost(any, '0.0.0.0:8080')).toBe(false);
    expect(isAllowedHost(any, undefined)).toBe(false);
  });
});

describe('Origin check and CORS', () => {
  it.each(['https://evil.example', 'http://127.0.0.1:1', 'null', 'http://localhost'])('refuses Origin %s with 403', async (origin) => {
    server = await startServer();
    const res = await rpc(server, 'app.info', undefined, { headers: { origin } });
    expect(res.status).toBe(403);
    expect(res.json()).toEqual({ detail: 'Origin not allowed' });
  });

  it('accepts a same-origin request from the served page', async () => {
    server = await startServer();
    const res = await rpc(server, 'app.info', undefined, { headers: { origin: `http://localhost:${server.port}` } });
    expect(res.status).toBe(200);
  });

  it('fails preflights and never sends a CORS header', async () => {
    server = await startServer();
    const origin = `http://127.0.0.1:${server.port}`;
    const responses = [
      await send(server, { method: 'OPTIONS', path: '/rpc/app.info', auth: false, headers: { origin, 'access-control-request-method': 'POST' } }),
      await send(server, { method: 'OPTIONS', path: '/rpc/app.info', auth: false, headers: { origin: 'https://evil.example' } }),
      await rpc(server, 'app.info', undefined, { headers: { origin } }),
      await rpc(server, 'app.info', undefined, { headers: { origin: 'https://evil.example' } }),
      await send(server, { path: '/', auth: false, headers: { origin } }),
      await send(server, { path: '/admin/models', auth: false }),
    ];
    expect(responses.map((r) => r.status)).toEqual([405, 403, 200, 403, 503, 401]);
    for (const res of responses) expect(corsHeaders(res.headers)).toEqual([]);
  });
});

describe('headers on every response', () => {
  it('sends nosniff, no-referrer and frame denial on API, error and page responses', async () => {
    server = await startServer();
    const responses = [
      await rpc(server, 'app.info'),
      await rpc(server, 'app.info', undefined, { auth: false }),
      await send(server, { path: '/', auth: false, headers: { host: 'evil.example' } }),
      await send(server, { path: '/', auth: false }),
    ];
    for (const res of responses) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });
});
