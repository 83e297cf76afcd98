// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '@testing-library/react';
import { FIRST_CALLS, startEarlyRequests } from '../../src/renderer/src/api/early-requests';
import { createHttpClient } from '../../src/renderer/src/api/http-client';
import { createAppStore } from '../../src/renderer/src/store/create-app-store';
import type { Envelope } from '../../src/shared/contract';
import { appInfo, model, settings, snapshot, syncState } from './support/fixtures';

const ok = (value: unknown): Envelope => ({ ok: true, value });
function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

/** A server that answers the start-up calls and keeps the event stream open, recording every request. */
function fakeServer() {
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const answers: Record<string, unknown> = {
    '/rpc/app.info': appInfo,
    '/rpc/registry.get': snapshot([model('a-v1')]),
    '/rpc/sync.get': syncState(),
    '/rpc/settings.get': settings(),
    '/rpc/sync.now': syncState(),
    '/rpc/jobs.list': [],
    '/rpc/preload.list': [],
    '/rpc/ollama.running': [],
  };
  const fetch = vi.fn((url: string, init?: RequestInit) => {
    requests.push({ url, init });
    if (url === '/events') return Promise.resolve(new Response(new ReadableStream(), { status: 200, headers: { 'Content-Type': 'text/event-stream' } }));
    return Promise.resolve(url in answers ? json(ok(answers[url])) : json({ ok: false, error: { kind: 'internal', message: 'no' } }));
  });
  return { fetch, requests, count: (url: string) => requests.filter((r) => r.url === url).length };
}

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  dispose = undefined;
});

describe('the first requests, sent before the app code loads', () => {
  it('go out at once, to the page’s own server, with the token: the event stream, then the start-up calls', () => {
    const server = fakeServer();
    startEarlyRequests('tok-1', server.fetch);
    expect(server.requests.map((r) => r.url)).toEqual(['/events', ...FIRST_CALLS.map((name) => `/rpc/${name}`)]);
    for (const { url, init } of server.requests) {
      // Relative paths only: the token never leaves for another origin.
      expect(url.startsWith('/')).toBe(true);
      expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer tok-1');
    }
  });

  it('are each used once by the store’s start-up: the server is asked for each start-up call exactly once', async () => {
    const server = fakeServer();
    const fetch = startEarlyRequests('tok-1', server.fetch);
    const store = createAppStore(createHttpClient({ window, token: 'tok-1', fetch }), { storage: null });
    dispose = store.getState().init();
    await waitFor(() => expect(store.getState().startup.status).toBe('ready'));
    expect(Object.keys(store.getState().snapshot?.registry.models ?? {})).toEqual(['a-v1']);
    expect(server.count('/events')).toBe(1);
    for (const name of FIRST_CALLS) expect(server.count(`/rpc/${name}`), name).toBe(1);
  });

  it('answer only the first identical request; a repeat, or another call, goes to the server', async () => {
    const server = fakeServer();
    const fetch = startEarlyRequests(null, server.fetch);
    const init = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' };
    await fetch('/rpc/registry.get', init);
    expect(server.count('/rpc/registry.get')).toBe(1);
    await fetch('/rpc/registry.get', init);
    await fetch('/rpc/app.info', { ...init, body: '{"other":1}' });
    expect(server.count('/rpc/registry.get')).toBe(2);
    expect(server.count('/rpc/app.info')).toBe(2);
    // No token, no Authorization header (the server then asks for one).
    expect(new Headers(server.requests[0]?.init?.headers).has('Authorization')).toBe(false);
  });

  it('pass the taker’s abort on to the request sent early (closing the event stream closes it)', async () => {
    const server = fakeServer();
    const fetch = startEarlyRequests('tok-1', server.fetch);
    const early = server.requests[0]?.init?.signal;
    const controller = new AbortController();
    await fetch('/events', { headers: { Accept: 'text/event-stream' }, cache: 'no-store', signal: controller.signal });
    expect(early?.aborted).toBe(false);
    controller.abort();
    expect(early?.aborted).toBe(true);
  });
});
