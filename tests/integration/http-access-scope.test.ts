import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../src/main/events';
import { createHttpServer, type RunningHttpServer } from '../../src/main/http/server';
import { API_KEY, rpc, send, startServer, stubHandlers, TOKEN } from './http-fixtures';

/**
 * Issue 9.7: the key handed to OpenAI-compatible programs opens /v1 and /admin only. The app's own
 * calls (/rpc/*, /events: Modelfile files, workspaces) need the UI session, and switching the
 * served workspace over HTTP needs `serve --allow-workspace-switch`.
 */

let server: RunningHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const withKey = { auth: false, headers: { authorization: `Bearer ${API_KEY}` } };

describe('the API key', () => {
  it.each(['app.info', 'workspace.open', 'modelfile.read', 'modelfile.write', 'registry.get', 'no.such.call'])(
    'is refused with 403 on /rpc/%s, and the handler never runs',
    async (call) => {
      const stub = stubHandlers();
      server = await startServer({ handlers: stub.handlers, allowWorkspaceSwitch: true });
      const res = await rpc(server, call, { path: '/etc' }, withKey);
      expect(res.status).toBe(403);
      expect((res.json() as { detail: string }).detail).toMatch(/API key opens \/v1 and \/admin only/);
      expect(stub.calls).toEqual([]);
    },
  );

  it('is refused on /events', async () => {
    server = await startServer();
    const res = await send(server, { path: '/events', ...withKey });
    expect(res.status).toBe(403);
  });

  it('opens /admin and /v1', async () => {
    server = await startServer();
    const admin = await send(server, { path: '/admin/models', ...withKey });
    expect(admin.status).toBe(200);
    const unknownApi = await send(server, { path: '/v1/nothing-here', ...withKey });
    expect(unknownApi.status).toBe(404);
  });

  it('without any credential, /rpc is still a 401', async () => {
    server = await startServer();
    const res = await rpc(server, 'app.info', undefined, { auth: false });
    expect(res.status).toBe(401);
  });
});

describe('the UI session', () => {
  it('opens /rpc, /events and /admin', async () => {
    server = await startServer();
    expect((await rpc(server, 'app.info')).status).toBe(200);
    expect((await send(server, { path: '/admin/models' })).status).toBe(200);
  });

  it('cannot open another workspace unless the server allows it', async () => {
    const stub = stubHandlers();
    server = await startServer({ handlers: stub.handlers });
    const refused = await rpc(server, 'workspace.open', { path: '/etc' });
    expect(refused.status).toBe(403);
    expect(refused.json()).toMatchObject({ ok: false, error: { kind: 'forbidden', message: expect.stringMatching(/--allow-workspace-switch/) } });
    expect(stub.calls.map((c) => c.name)).not.toContain('workspace.open');
  });

  it('opens another workspace when `serve` was started with --allow-workspace-switch', async () => {
    const stub = stubHandlers();
    server = await startServer({ handlers: stub.handlers, allowWorkspaceSwitch: true });
    const res = await rpc(server, 'workspace.open', { path: '/elsewhere' });
    expect(res.status).toBe(200);
    expect(stub.calls).toContainEqual({ name: 'workspace.open', input: { path: '/elsewhere' } });
  });
});

describe('a server without a UI session (the desktop Local API)', () => {
  it('serves no /rpc or /events to its key, and /admin still works', async () => {
    server = await createHttpServer({
      handlers: stubHandlers().handlers,
      bus: new EventBus(),
      credentials: { apiKey: API_KEY, sessionToken: null },
      staticDir: null,
      host: '127.0.0.1',
      port: 0,
      log: () => undefined,
    });
    expect((await rpc(server, 'app.info', undefined, withKey)).status).toBe(403);
    expect((await send(server, { path: '/events', ...withKey })).status).toBe(403);
    expect((await send(server, { path: '/admin/models', ...withKey })).status).toBe(200);
    // The session token of another server means nothing here.
    expect((await rpc(server, 'app.info')).status).toBe(401);
  });

  it('refuses a session token equal to the API key', async () => {
    await expect(
      createHttpServer({
        handlers: stubHandlers().handlers,
        bus: new EventBus(),
        credentials: { apiKey: TOKEN, sessionToken: TOKEN },
        staticDir: null,
        host: '127.0.0.1',
        port: 0,
      }),
    ).rejects.toThrow(/differ/);
  });
});
