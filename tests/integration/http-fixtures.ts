import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Handlers, RegistrySnapshot, SyncState } from '../../src/shared/contract';
import { AppError } from '../../src/shared/errors';
import { DEFAULT_OLLAMA_TIMEOUT_SETTINGS } from '../../src/shared/ollama-timeouts';
import type { ModelEntry, Registry } from '../../src/shared/registry';
import { EventBus } from '../../src/main/events';
import { createHttpServer, type RunningHttpServer } from '../../src/main/http/server';
import type { RenderFirstPage } from '../../src/main/http/first-page';

/** Shared set-up for the tests/integration/http-*.test.ts files (not a test file itself). */

/** The UI session token: opens every path. */
export const TOKEN = 'test-token-0123456789abcdef';
/** The API key: /v1 and /admin only. */
export const API_KEY = 'test-api-key-0123456789abcdef';

const seedFile = fileURLToPath(new URL('../../models/model_settings.json', import.meta.url));

/** The example registry, in the seed's format (it carries `is_jamie_model`). */
export function seedRegistry(): Registry {
  return JSON.parse(readFileSync(seedFile, 'utf8')) as Registry;
}

export const offlineSync: SyncState = {
  connection: {
    status: 'offline',
    host: 'http://127.0.0.1:11434',
    version: null,
    canCreate: false,
    warnings: [],
    message: 'Ollama is not running',
    checkedAt: null,
  },
  discovered: [],
  ollamaModels: [],
  lastSyncAt: null,
  changed: [],
  outdated: [],
};

/** Handlers over an in-memory registry; `calls` records every call the server made. */
export function stubHandlers(overrides: Partial<Handlers> = {}): { handlers: Handlers; registry: Registry; calls: { name: string; input: unknown }[] } {
  const registry = seedRegistry();
  const calls: { name: string; input: unknown }[] = [];
  const snapshot = (): RegistrySnapshot => ({
    workspace: { path: '/ws', name: 'ws', registryPath: '/ws/model_settings.json' },
    registry,
    problem: null,
    readOnly: false,
  });
  const notStubbed = (): Promise<never> => Promise.reject(new AppError('internal', 'not stubbed'));

  const base: Handlers = {
    'app.info': async () => ({ name: 'Modelwright', version: '0.1.0', mode: 'headless', platform: 'linux' }),
    'app.reportError': async () => ({ logged: true, logFolder: null }),
    'registry.get': async () => snapshot(),
    'models.add': async ({ entry }) => {
      if (entry.name in registry.models) throw new AppError('conflict', `Model ${entry.name} already exists`);
      const added: ModelEntry = { ...entry, status: entry.status ?? 'pending' };
      registry.models[entry.name] = added;
      return added;
    },
    'models.update': async ({ name, patch }) => {
      const current = registry.models[name];
      if (!current) throw new AppError('not_found', `No model named "${name}" in the registry`);
      const updated = { ...current, ...patch };
      registry.models[name] = updated;
      return updated;
    },
    'models.setDefault': async () => snapshot(),
    'sync.get': async () => offlineSync,
    'sync.now': async () => offlineSync,
    'ollama.running': async () => [],
    'ollama.show': notStubbed,
    'settings.get': async () => ({ ollamaHost: null, effectiveHost: 'http://127.0.0.1:11434', workspace: '/ws', ollamaTimeouts: DEFAULT_OLLAMA_TIMEOUT_SETTINGS }),
    'settings.update': async () => ({ ollamaHost: null, effectiveHost: 'http://127.0.0.1:11434', workspace: '/ws', ollamaTimeouts: DEFAULT_OLLAMA_TIMEOUT_SETTINGS }),
    'workspace.open': async () => snapshot(),
    'modelfile.read': notStubbed,
    'modelfile.write': notStubbed,
    'modelfile.preview': notStubbed,
    'models.create': notStubbed,
    'models.pull': notStubbed,
    // ---------- chat ----------
    'chat.list': async () => [],
    'chat.get': notStubbed,
    'chat.send': notStubbed,
    'chat.regenerate': notStubbed,
    'chat.resend': notStubbed,
    'chat.stop': async () => ({ stopped: 0 }),
    'chat.update': notStubbed,
    'chat.rename': notStubbed,
    'chat.delete': notStubbed,
    'localApi.get': notStubbed,
    'localApi.update': notStubbed,
    // ---------- end chat ----------
    'jobs.list': async () => [],
    'jobs.get': notStubbed,
    'jobs.cancel': notStubbed,
    // ---------- lifecycle: base models, running, import/export ----------
    'baseModels.add': notStubbed,
    'baseModels.remove': notStubbed,
    'baseModels.delete': notStubbed,
    'ollama.load': notStubbed,
    'ollama.unload': notStubbed,
    'preload.list': async () => [],
    'registry.export': notStubbed,
    'registry.importPreview': notStubbed,
    'registry.importApply': notStubbed,
    'jobs.clearFinished': async () => ({ removed: 0 }),
    // ---------- end lifecycle ----------
    // ---------- lifecycle: versions, edit, delete, adopt ----------
    'models.versionProposal': notStubbed,
    'models.newVersion': notStubbed,
    'models.new': notStubbed,
    'models.rename': notStubbed,
    'models.delete': notStubbed,
    'models.adoptProposal': notStubbed,
    'models.adopt': notStubbed,
    'evals.sets': notStubbed,
    'evals.readSet': notStubbed,
    'evals.saveSet': notStubbed,
    'evals.newSet': notStubbed,
    'evals.start': notStubbed,
    'evals.runs': notStubbed,
    'evals.readRun': notStubbed,
    'hosts.list': notStubbed,
    'hosts.add': notStubbed,
    'hosts.update': notStubbed,
    'hosts.remove': notStubbed,
    'hosts.setPrimary': notStubbed,
    'hosts.matrix': notStubbed,
    'deploy.version': notStubbed,
    'deploy.plan': notStubbed,
    'deploy.apply': notStubbed,
    'models.facts': notStubbed,
    'models.release': notStubbed,
    'models.unrelease': notStubbed,
    'updates.get': notStubbed,
    'updates.setEnabled': notStubbed,
    'updates.restart': notStubbed,
    'cli.addToPath': notStubbed,
  };
  const all = { ...base, ...overrides };
  const handlers = Object.fromEntries(
    Object.entries(all).map(([name, handler]) => [
      name,
      (input: unknown) => {
        calls.push({ name, input });
        return (handler as (input: unknown) => Promise<unknown>)(input);
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, registry, calls };
}

export interface TestServer extends RunningHttpServer {
  bus: EventBus;
  logs: string[];
}

export async function startServer(
  options: {
    handlers?: Handlers;
    bus?: EventBus;
    staticDir?: string | null;
    host?: string;
    pingIntervalMs?: number;
    allowWorkspaceSwitch?: boolean;
    renderFirstPage?: RenderFirstPage;
  } = {},
): Promise<TestServer> {
  const bus = options.bus ?? new EventBus();
  const logs: string[] = [];
  const running = await createHttpServer({
    handlers: options.handlers ?? stubHandlers().handlers,
    bus,
    credentials: { apiKey: API_KEY, sessionToken: TOKEN },
    ...(options.allowWorkspaceSwitch === undefined ? {} : { allowWorkspaceSwitch: options.allowWorkspaceSwitch }),
    staticDir: options.staticDir ?? null,
    host: options.host ?? '127.0.0.1',
    port: 0,
    log: (line) => logs.push(line),
    ...(options.pingIntervalMs === undefined ? {} : { pingIntervalMs: options.pingIntervalMs }),
    ...(options.renderFirstPage ? { renderFirstPage: options.renderFirstPage } : {}),
  });
  return { ...running, bus, logs };
}

export interface TestResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json(): unknown;
}

export interface TestRequest {
  method?: string;
  /** Sent exactly as written (no URL normalization), so traversal attempts reach the server. */
  path: string;
  headers?: Record<string, string>;
  /** Objects are sent as JSON with `Content-Type: application/json`; strings and buffers as is. */
  body?: unknown;
  /** Send `Authorization: Bearer TOKEN` (default true). */
  auth?: boolean;
}

export function send(server: { port: number }, req: TestRequest): Promise<TestResponse> {
  const headers: Record<string, string> = { host: `127.0.0.1:${server.port}` };
  if (req.auth ?? true) headers.authorization = `Bearer ${TOKEN}`;
  let payload: Buffer | undefined;
  if (typeof req.body === 'string') payload = Buffer.from(req.body);
  else if (Buffer.isBuffer(req.body)) payload = req.body;
  else if (req.body !== undefined) {
    payload = Buffer.from(JSON.stringify(req.body));
    headers['content-type'] = 'application/json';
  }
  Object.assign(headers, req.headers);

  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port: server.port, method: req.method ?? 'GET', path: req.path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as unknown });
        });
        res.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

/** POST /rpc/<name> with a JSON body (or none). */
export function rpc(server: { port: number }, name: string, input?: unknown, extra: Partial<TestRequest> = {}): Promise<TestResponse> {
  return send(server, { method: 'POST', path: `/rpc/${name}`, body: input, ...extra });
}

export function corsHeaders(headers: IncomingHttpHeaders): string[] {
  return Object.keys(headers).filter((name) => name.toLowerCase().startsWith('access-control-'));
}
