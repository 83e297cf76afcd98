import { z } from 'zod';
import type { LocalApiState } from '../../shared/chat';
import type { Handlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { ChatProxyBackend } from '../chat/proxy-backend';
import type { EventBus } from '../events';
import { createToken, MIN_TOKEN_LENGTH } from './bearer-token';
import { createHttpServer, type RunningHttpServer } from './server';

/**
 * The desktop app's "Local API": the same HTTP server the headless entry runs (contract, admin
 * routes, OpenAI-compatible routes), on 127.0.0.1 only, started when the user turns it on in
 * Settings (off by default) and stopped when they turn it off. Its token is kept with the app's
 * settings so programs configured once keep working after a restart.
 */

export const DEFAULT_LOCAL_API_PORT = 11480;
const SETTINGS_KEY = 'localApi';
const BIND_HOST = '127.0.0.1';

const storedSchema = z.object({
  enabled: z.boolean().catch(false),
  port: z.number().int().min(1024).max(65535).catch(DEFAULT_LOCAL_API_PORT),
  token: z.string().min(MIN_TOKEN_LENGTH).nullable().catch(null),
});
type Stored = z.infer<typeof storedSchema>;

/** Where the choice is kept: one key of the app's settings file. */
export interface KeyValueSettings {
  readKey(key: string): unknown;
  writeKey(key: string, value: unknown): void;
}

export interface LocalApiControl {
  state(): LocalApiState;
  update(patch: { enabled?: boolean | undefined; port?: number | undefined; newToken?: boolean | undefined }): Promise<LocalApiState>;
  /** Starts the server when the setting is on (app start); `handlers` is the whole contract. */
  start(handlers: Handlers): Promise<void>;
  stop(): Promise<void>;
}

export interface LocalApiOptions {
  settings: KeyValueSettings;
  bus: EventBus;
  chatProxy: ChatProxyBackend;
  log?: (line: string) => void;
}

function startError(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') return `Port ${port} is already used by another program. Choose another port.`;
  if (code === 'EACCES') return `Modelwright may not listen on port ${port}. Choose a port above 1024.`;
  return `The local API could not start: ${error instanceof Error ? error.message : String(error)}`;
}

export function createLocalApi(options: LocalApiOptions): LocalApiControl {
  const log = options.log ?? ((line: string) => console.error(line));
  let stored: Stored = storedSchema.parse(options.settings.readKey(SETTINGS_KEY) ?? {});
  let server: RunningHttpServer | null = null;
  let serving: { port: number; token: string } | null = null;
  let error: string | null = null;
  let handlers: Handlers | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const state = (): LocalApiState => ({
    configurable: true,
    enabled: stored.enabled,
    port: stored.port,
    token: stored.token,
    running: server !== null,
    baseUrl: server ? `${server.url}/v1` : null,
    error,
  });

  /** Brings the server in line with the stored choice; one change at a time. */
  function reconcile(): Promise<void> {
    const run = queue.then(async () => {
      const want = stored.enabled && stored.token && handlers ? { port: stored.port, token: stored.token } : null;
      if (serving && want && serving.port === want.port && serving.token === want.token) return;
      if (server) {
        await server.close();
        server = null;
        serving = null;
      }
      error = null;
      if (!want || !handlers) return;
      try {
        server = await createHttpServer({
          handlers,
          bus: options.bus,
          chatProxy: options.chatProxy,
          // The Local API hands out only the API key: no UI session, so no /rpc or /events here.
          credentials: { apiKey: want.token, sessionToken: null },
          staticDir: null,
          host: BIND_HOST,
          port: want.port,
          log,
        });
        serving = want;
      } catch (failure) {
        error = startError(failure, want.port);
        log(`[local-api] ${error}`);
      }
    });
    queue = run.catch(() => undefined);
    return run.finally(() => options.bus.emit('localApi.changed', state()));
  }

  return {
    state,
    async update(patch) {
      const next: Stored = { ...stored };
      if (patch.enabled !== undefined) next.enabled = patch.enabled;
      if (patch.port !== undefined) next.port = patch.port;
      if (patch.newToken || (next.enabled && next.token === null)) next.token = createToken();
      stored = next;
      try {
        options.settings.writeKey(SETTINGS_KEY, stored);
      } catch (failure) {
        throw new AppError('internal', `The local API setting could not be saved: ${failure instanceof Error ? failure.message : String(failure)}`);
      }
      await reconcile();
      return state();
    },
    async start(all) {
      handlers = all;
      await reconcile();
    },
    async stop() {
      handlers = null;
      await reconcile();
    },
  };
}

export interface HeadlessLocalApi extends LocalApiControl {
  /** Where `serve` listens and its API key, once it does, so Settings can show them. */
  announce(address: { url: string; port: number; apiKey: string }): void;
}

/** The headless server always serves the API, on its own address with its own API key. */
export function headlessLocalApi(): HeadlessLocalApi {
  let state: LocalApiState = { configurable: false, enabled: true, port: 0, token: null, running: true, baseUrl: null, error: null };
  return {
    state: () => state,
    announce({ url, port, apiKey }) {
      state = { ...state, port, token: apiKey, baseUrl: `${url}/v1` };
    },
    async update() {
      throw new AppError('validation', 'The headless server always serves the API; restart it with other --port or --token options to change them.');
    },
    async start() {},
    async stop() {},
  };
}
