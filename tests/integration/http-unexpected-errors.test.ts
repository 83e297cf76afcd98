import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../src/shared/contract';
import { createRequestListener } from '../../src/main/http/dispatch';
import { pathPattern } from '../../src/main/http/path-pattern';
import type { Route } from '../../src/main/http/route';
import { createHostPolicy } from '../../src/main/http/security';
import { staticFiles } from '../../src/main/http/static-files';
import { API_KEY, rpc, send, startServer, stubHandlers, TOKEN, type TestServer } from './http-fixtures';

/** A bug in one request is logged and answered with a 500 that says so; the server goes on serving. */

let server: TestServer | null = null;
let bare: Server | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  await new Promise((resolve) => (bare ? bare.close(resolve) : resolve(undefined)));
  bare = null;
});

describe('unexpected errors in a request', () => {
  it('an RPC handler that throws a TypeError answers 500 with a clear message and is logged', async () => {
    const crash = (() => {
      throw new TypeError("Cannot read properties of undefined (reading 'trim')");
    }) as unknown as Handlers['app.info'];
    server = await startServer({ handlers: stubHandlers({ 'app.info': crash }).handlers });
    const res = await rpc(server, 'app.info', {});
    expect(res.status).toBe(500);
    expect(res.json()).toMatchObject({ ok: false, error: { kind: 'internal', message: expect.stringMatching(/went wrong inside Modelwright.*log has the details/) } });
    expect(server.logs.join('\n')).toContain("reading 'trim'");
    expect((await rpc(server, 'registry.get', {})).status).toBe(200);
  });

  it('a route that throws, synchronously or not, answers 500 and the next request is served', async () => {
    const logs: string[] = [];
    const route = (path: string, handle: Route['handle']): Route => ({ method: 'GET', path: pathPattern(path), auth: 'token', handle });
    const routes = [
      route('/admin/sync-bug', () => {
        throw new TypeError('sync bug');
      }),
      route('/admin/async-bug', async () => {
        await Promise.resolve();
        throw new RangeError('async bug');
      }),
    ];
    let policy = createHostPolicy('127.0.0.1', 0);
    bare = createServer(createRequestListener({ routes, hostPolicy: () => policy, credentials: { apiKey: API_KEY, sessionToken: TOKEN }, staticFiles: staticFiles(null), log: (line) => logs.push(line) }));
    await new Promise<void>((resolve) => bare!.listen(0, '127.0.0.1', resolve));
    const port = (bare.address() as AddressInfo).port;
    policy = createHostPolicy('127.0.0.1', port);

    for (const [path, bug] of [['/admin/sync-bug', 'sync bug'], ['/admin/async-bug', 'async bug']] as const) {
      const res = await send({ port }, { path });
      expect(res.status, path).toBe(500);
      expect((res.json() as { detail: string }).detail).toMatch(/log has the details/);
      expect(logs.join('\n')).toContain(bug);
    }
    expect((await send({ port }, { path: '/admin/nothing-here' })).status).toBe(404);
  });
});
