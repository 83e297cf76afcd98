// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { createIpcClient } from '../../src/renderer/src/api/ipc-client';
import { createClient } from '../../src/renderer/src/api/create-client';
import type { Envelope, EventName, PreloadApi } from '../../src/shared/contract';
import { AppError } from '../../src/shared/errors';
import { appInfo, settings } from './support/fixtures';

function fakePreload(answers: Partial<Record<string, Envelope | Error>>) {
  const subscribers = new Map<EventName, (payload: unknown) => void>();
  const calls = new Proxy({} as PreloadApi['calls'], {
    get: (_target, name: string) =>
      vi.fn(async () => {
        const answer = answers[name];
        if (answer instanceof Error) throw answer;
        return answer ?? { ok: false, error: { kind: 'not_found', message: `no ${name}` } };
      }),
  });
  const api: PreloadApi = {
    calls,
    subscribe: vi.fn((event: EventName, listener: (payload: unknown) => void) => {
      subscribers.set(event, listener);
      return () => subscribers.delete(event);
    }),
  };
  return { api, push: (event: EventName, payload: unknown) => subscribers.get(event)?.(payload), subscribers };
}

describe('IPC client', () => {
  it('returns the parsed value of an ok envelope', async () => {
    const { api } = fakePreload({ 'app.info': { ok: true, value: appInfo } });
    await expect(createIpcClient(api).call('app.info', {})).resolves.toEqual(appInfo);
  });

  it('passes the input to the preload call of the same name', async () => {
    const calls: Record<string, ReturnType<typeof vi.fn>> = {};
    const api: PreloadApi = {
      calls: new Proxy({} as PreloadApi['calls'], {
        get: (_t, name: string) => (calls[name] ??= vi.fn(async () => ({ ok: true, value: settings() }))),
      }),
      subscribe: () => () => {},
    };
    await createIpcClient(api).call('settings.update', { ollamaHost: 'http://x:1' });
    expect(calls['settings.update']).toHaveBeenCalledWith({ ollamaHost: 'http://x:1' });
  });

  it('throws the AppError of an error envelope, keeping kind and issues', async () => {
    const { api } = fakePreload({
      'settings.update': {
        ok: false,
        error: { kind: 'validation', message: 'Invalid host', issues: [{ path: 'ollamaHost', message: 'not a URL' }] },
      },
    });
    const error = await createIpcClient(api)
      .call('settings.update', { ollamaHost: 'nope' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'validation', message: 'Invalid host', issues: [{ path: 'ollamaHost', message: 'not a URL' }] });
  });

  it('rejects an answer that is not an envelope as an internal error', async () => {
    const { api } = fakePreload({ 'app.info': { name: 'x' } as never });
    await expect(createIpcClient(api).call('app.info', {})).rejects.toMatchObject({ kind: 'internal' });
  });

  it('turns an IPC failure into an AppError', async () => {
    const { api } = fakePreload({ 'app.info': new Error('No handler registered') });
    await expect(createIpcClient(api).call('app.info', {})).rejects.toMatchObject({ kind: 'internal', message: 'No handler registered' });
  });

  it('delivers events to the listeners of that event only', () => {
    const { api, push } = fakePreload({});
    const listener = vi.fn();
    const other = vi.fn();
    createIpcClient(api).on('settings.changed', listener);
    createIpcClient(api).on('sync.changed', other);
    push('settings.changed', settings({ ollamaHost: 'http://h:1' }));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(settings({ ollamaHost: 'http://h:1' }));
    expect(other).not.toHaveBeenCalled();
  });

  it('unsubscribes through the preload', () => {
    const { api, subscribers } = fakePreload({});
    const off = createIpcClient(api).on('sync.changed', () => {});
    expect(subscribers.has('sync.changed')).toBe(true);
    off();
    expect(subscribers.has('sync.changed')).toBe(false);
  });

  it('is the client createClient picks when window.api exists', async () => {
    const { api } = fakePreload({ 'app.info': { ok: true, value: appInfo } });
    const win = Object.assign(Object.create(window) as Window, { api });
    await expect(createClient(win).call('app.info', {})).resolves.toEqual(appInfo);
  });
});
