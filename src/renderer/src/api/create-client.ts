import type { ApiClient, PreloadApi } from '../../../shared/contract';
import type { FetchLike } from './event-stream';
import { createHttpClient } from './http-client';
import { createIpcClient } from './ipc-client';

/** What the page's first module did for the HTTP client: took the token and started the first requests. */
export interface HttpHead {
  token: string | null;
  fetch: FetchLike;
}

/** In Electron the preload exposes `window.api`; in a browser served by the headless server it does not. */
export function createClient(win: Window = window, head?: HttpHead): ApiClient {
  const api = (win as Window & { api?: PreloadApi }).api;
  if (api) return createIpcClient(api);
  return createHttpClient({ window: win, ...(head ? { token: head.token, fetch: head.fetch } : {}) });
}
