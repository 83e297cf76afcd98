import type { ApiClient, PreloadApi } from '../../../shared/contract';
import { createHttpClient } from './http-client';
import { createIpcClient } from './ipc-client';

/** In Electron the preload exposes `window.api`; in a browser served by the headless server it does not. */
export function createClient(win: Window = window): ApiClient {
  const api = (win as Window & { api?: PreloadApi }).api;
  return api ? createIpcClient(api) : createHttpClient({ window: win });
}
