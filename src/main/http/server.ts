import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handlers } from '../../shared/contract';
import type { EventBus } from '../events';
import type { ChatProxyBackend } from '../chat/proxy-backend';
import { adminRoutes } from './admin-routes';
import { presentedScope, type Credentials } from './access-scope';
import { MIN_TOKEN_LENGTH } from './bearer-token';
import { createRequestListener } from './dispatch';
import { eventStream } from './event-stream';
import { firstPageWriter, type RenderFirstPage } from './first-page';
import { openaiRoutes } from './openai-routes';
import { rpcRoutes } from './rpc-routes';
import { createHostPolicy, type HostPolicy } from './security';
import { staticFiles } from './static-files';

export interface HttpServerOptions {
  handlers: Handlers;
  bus: EventBus;
  /**
   * `Authorization: Bearer <apiKey>` opens /v1 and /admin; the session token opens everything. A
   * null session token serves no /rpc or /events at all (the desktop Local API). Each at least 16
   * characters (see createToken).
   */
  credentials: Credentials;
  /** Lets `workspace.open` switch folders over HTTP (`serve --allow-workspace-switch`); default off. */
  allowWorkspaceSwitch?: boolean;
  /** The built renderer (index.html + assets/); null serves a "UI not built" page. */
  staticDir: string | null;
  host: string;
  /** 0 picks a free port. */
  port: number;
  log?: (line: string) => void;
  /** Interval of the `: ping` comments on /events; 15 s unless a test wants it faster. */
  pingIntervalMs?: number;
  /** Serves the OpenAI-compatible API under /v1 when given. */
  chatProxy?: ChatProxyBackend;
  /**
   * Renders the Models page into the page opened with the session token, so the first cards show
   * before the UI's code has run. Without it (tests, no UI) the page is served as built.
   */
  renderFirstPage?: RenderFirstPage;
}

export interface RunningHttpServer {
  server: Server;
  /** `http://127.0.0.1:<port>` (no trailing slash, no token). */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Requests still running this long after close() are cut off. */
const CLOSE_GRACE_MS = 2000;

function urlHost(host: string): string {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === '0.0.0.0' || bare === '::' || bare === '') return '127.0.0.1';
  return bare.includes(':') ? `[${bare}]` : bare;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** The headless transport: the contract over HTTP, the seed's admin API, events and the built UI. */
export async function createHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const { credentials } = options;
  if (credentials.apiKey.length < MIN_TOKEN_LENGTH || (credentials.sessionToken ?? credentials.apiKey).length < MIN_TOKEN_LENGTH) {
    throw new Error(`The HTTP token must be at least ${MIN_TOKEN_LENGTH} characters`);
  }
  if (credentials.sessionToken === credentials.apiKey) {
    throw new Error('The UI session token must differ from the API key');
  }
  const log = options.log ?? ((line: string) => console.error(line));
  const events = eventStream(options.bus, { pingIntervalMs: options.pingIntervalMs ?? 15_000 });
  const withSession = credentials.sessionToken !== null;
  const routes = [
    ...(withSession ? rpcRoutes(options.handlers, { allowWorkspaceSwitch: options.allowWorkspaceSwitch ?? false }) : []),
    ...(withSession ? [events.route] : []),
    ...adminRoutes(options.handlers, options.bus),
    ...(options.chatProxy
      ? openaiRoutes({ backend: options.chatProxy, authorized: (authorization) => presentedScope(authorization, credentials) !== null })
      : []),
  ];

  let policy: HostPolicy = createHostPolicy(options.host, options.port);
  const server = createServer(
    createRequestListener({
      routes,
      hostPolicy: () => policy,
      credentials,
      staticFiles: staticFiles(
        options.staticDir,
        withSession && options.renderFirstPage ? firstPageWriter(options.handlers, options.renderFirstPage, log) : null,
      ),
      log,
    }),
  );

  const port = await listen(server, options.port, options.host);
  policy = createHostPolicy(options.host, port);

  let closing: Promise<void> | null = null;
  return {
    server,
    url: `http://${urlHost(options.host)}:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        events.closeAll();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
      });
      return closing;
    },
  };
}
