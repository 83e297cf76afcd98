// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '@testing-library/react';
import { createHttpClient, TOKEN_REQUIRED_MESSAGE } from '../../src/renderer/src/api/http-client';
import { createClient } from '../../src/renderer/src/api/create-client';
import type { Envelope } from '../../src/shared/contract';
import { AppError } from '../../src/shared/errors';
import { appInfo, settings, snapshot, syncState } from './support/fixtures';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
const ok = (value: unknown): Envelope => ({ ok: true, value });

/** A text/event-stream response the test writes to and can drop. */
function sseResponse() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    drop: () => controller.close(),
  };
}

beforeEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});
afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('HTTP client: the access token', () => {
  it('takes the token from ?token=, keeps it in sessionStorage and removes it from the address bar', async () => {
    window.history.replaceState(null, '', '/?token=s3cret&view=x#models');
    const fetch = vi.fn(async () => json(ok(appInfo)));
    const client = createHttpClient({ fetch });
    expect(window.location.search).toBe('?view=x');
    expect(window.location.hash).toBe('#models');
    expect(sessionStorage.getItem('modelwright.token')).toBe('s3cret');
    await client.call('app.info', {});
    expect(fetch).toHaveBeenCalledWith('/rpc/app.info', expect.objectContaining({ headers: expect.objectContaining({ Authorization: 'Bearer s3cret' }) }));
  });

  it('uses the stored token after a reload (no token in the URL)', async () => {
    sessionStorage.setItem('modelwright.token', 'kept');
    const fetch = vi.fn(async () => json(ok(appInfo)));
    await createHttpClient({ fetch }).call('app.info', {});
    const init = fetch.mock.calls[0]?.at(1) as unknown as RequestInit;
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer kept');
  });
});

describe('HTTP client: calls', () => {
  it('POSTs the JSON input to the call route and returns the parsed value', async () => {
    const fetch = vi.fn(async () => json(ok(settings({ ollamaHost: 'http://h:1' }))));
    const value = await createHttpClient({ fetch }).call('settings.update', { ollamaHost: 'http://h:1' });
    expect(value.ollamaHost).toBe('http://h:1');
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/rpc/settings.update');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(JSON.parse(init.body as string)).toEqual({ ollamaHost: 'http://h:1' });
  });

  it('throws the envelope error of a 4xx answer with its kind and issues', async () => {
    const fetch = vi.fn(async () =>
      json({ ok: false, error: { kind: 'validation', message: 'Invalid input', issues: [{ path: 'ollamaHost', message: 'bad' }] } }, 400),
    );
    const error = await createHttpClient({ fetch })
      .call('settings.update', { ollamaHost: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'ollamaHost', message: 'bad' }] });
  });

  it('reports an unreachable server as such, not as Ollama being offline', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await createHttpClient({ fetch })
      .call('app.info', {})
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'internal' });
    expect((error as AppError).message).toMatch(/^Cannot reach the Modelwright server at http/);
  });

  it('explains a 401: the page needs the token from the printed URL', async () => {
    const fetch = vi.fn(async () => json({ ok: false, error: { kind: 'forbidden', message: 'Unauthorized' } }, 401));
    await expect(createHttpClient({ fetch }).call('app.info', {})).rejects.toMatchObject({ kind: 'forbidden', message: TOKEN_REQUIRED_MESSAGE });
  });

  it("reports a refusal made before the call ran with the server's reason", async () => {
    const fetch = vi.fn(async () => json({ detail: 'Origin not allowed' }, 403));
    await expect(createHttpClient({ fetch }).call('app.info', {})).rejects.toMatchObject({
      kind: 'forbidden',
      message: expect.stringContaining('refused the request (HTTP 403: Origin not allowed)'),
    });
  });

  it('reports a body that is not an envelope', async () => {
    const fetch = vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(createHttpClient({ fetch }).call('app.info', {})).rejects.toMatchObject({ kind: 'internal', message: expect.stringContaining('HTTP 502') });
  });

  it('is the client createClient picks when there is no window.api', async () => {
    const fetch = vi.fn(async () => json(ok(appInfo)));
    vi.stubGlobal('fetch', fetch);
    await createClient(window).call('app.info', {});
    expect(fetch).toHaveBeenCalledWith('/rpc/app.info', expect.anything());
    vi.unstubAllGlobals();
  });
});

describe('HTTP client: events', () => {
  it('opens one authorized event stream for all listeners and fans events out by name', async () => {
    sessionStorage.setItem('modelwright.token', 'tok');
    const stream = sseResponse();
    const fetch = vi.fn(async () => stream.response);
    const client = createHttpClient({ fetch });
    const onSync = vi.fn();
    const onSettings = vi.fn();
    client.on('sync.changed', onSync);
    client.on('settings.changed', onSettings);
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(fetch).toHaveBeenCalledWith('/events', expect.objectContaining({ headers: expect.objectContaining({ Authorization: 'Bearer tok' }) }));

    stream.send(`: keep-alive\n\nevent: sync.changed\ndata: ${JSON.stringify(syncState())}\n\n`);
    await waitFor(() => expect(onSync).toHaveBeenCalledWith(syncState()));
    expect(onSettings).not.toHaveBeenCalled();
  });

  it('drops event data that is not JSON, and events nobody listens to', async () => {
    const stream = sseResponse();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const client = createHttpClient({ fetch: vi.fn(async () => stream.response) });
    const onSync = vi.fn();
    client.on('sync.changed', onSync);
    stream.send('event: sync.changed\ndata: not json\n\nevent: no.such.event\ndata: {}\n\n');
    stream.send(`event: sync.changed\ndata: ${JSON.stringify(syncState())}\n\n`);
    await waitFor(() => expect(onSync).toHaveBeenCalledTimes(1));
    expect(onSync).toHaveBeenCalledWith(syncState());
    expect(error).toHaveBeenCalledTimes(1);
  });

  it('reconnects after a drop and refetches the state of subscribed events', async () => {
    const first = sseResponse();
    const second = sseResponse();
    const fresh = snapshot([]);
    const fetch = vi.fn(async (url: string) => {
      if (url === '/events') return fetch.mock.calls.filter((c) => c[0] === '/events').length === 1 ? first.response : second.response;
      if (url === '/rpc/registry.get') return json(ok(fresh));
      return json({ ok: false, error: { kind: 'not_found', message: url } }, 404);
    });
    const client = createHttpClient({ fetch, reconnectDelayMs: { initial: 1, max: 5 } });
    const onRegistry = vi.fn();
    client.on('registry.changed', onRegistry);
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    first.drop();
    await waitFor(() => expect(fetch.mock.calls.filter((c) => c[0] === '/events')).toHaveLength(2));
    await waitFor(() => expect(onRegistry).toHaveBeenCalledWith(fresh));
    expect(fetch).toHaveBeenCalledWith('/rpc/registry.get', expect.anything());
  });

  it('backs off between failed connection attempts', async () => {
    vi.useFakeTimers();
    try {
      const fetch = vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      });
      createHttpClient({ fetch, reconnectDelayMs: { initial: 100, max: 1000 } }).on('sync.changed', () => {});
      await vi.advanceTimersByTimeAsync(0);
      expect(fetch).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(100);
      expect(fetch).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(150);
      expect(fetch).toHaveBeenCalledTimes(2); // the second wait is 200 ms
      await vi.advanceTimersByTimeAsync(50);
      expect(fetch).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops retrying when the server rejects the token', async () => {
    vi.useFakeTimers();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const fetch = vi.fn(async () => new Response('', { status: 401 }));
      createHttpClient({ fetch, reconnectDelayMs: { initial: 10, max: 10 } }).on('sync.changed', () => {});
      await vi.advanceTimersByTimeAsync(1000);
      expect(fetch).toHaveBeenCalledTimes(1);
      expect(error).toHaveBeenCalledWith(TOKEN_REQUIRED_MESSAGE);
    } finally {
      vi.useRealTimers();
    }
  });

  it('closes the stream when the last listener leaves', async () => {
    const stream = sseResponse();
    let signal: AbortSignal | undefined;
    const fetch = vi.fn(async (_url: string, init?: RequestInit) => {
      signal = init?.signal ?? undefined;
      return stream.response;
    });
    const client = createHttpClient({ fetch });
    const offA = client.on('sync.changed', () => {});
    const offB = client.on('registry.changed', () => {});
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    offA();
    expect(signal?.aborted).toBe(false);
    offB();
    expect(signal?.aborted).toBe(true);
  });
});
