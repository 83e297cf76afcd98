import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { API_KEY_OUT_OF_SCOPE, isSessionPath, presentedScope, type Credentials } from './access-scope';
import { isToken } from './bearer-token';
import { HttpError } from './http-error';
import { parseRequestTarget } from './request-target';
import { sendDetail, setBaselineHeaders } from './responses';
import type { Route } from './route';
import { isAllowedHost, isAllowedOrigin, type HostPolicy } from './security';
import type { StaticFiles } from './static-files';

/** Paths that are never the UI: unknown ones are a JSON 404 (behind the token), not index.html. */
const API_PREFIXES = ['/rpc', '/events', '/admin', '/v1', '/api'];

function isApiPath(path: string): boolean {
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

export interface DispatchOptions {
  readonly routes: readonly Route[];
  /** Known only once the server listens (port 0 picks the port). */
  readonly hostPolicy: () => HostPolicy;
  readonly credentials: Credentials;
  readonly staticFiles: StaticFiles;
  readonly log: (line: string) => void;
}

function sendUnauthenticated(res: ServerResponse): void {
  sendDetail(res, 401, 'Not authenticated', { 'WWW-Authenticate': 'Bearer' });
}

/**
 * The order is the security model: headers, then Host (DNS rebinding), then Origin (foreign
 * pages), for every path including the UI's files; then the session-only paths (the API key is
 * refused there whatever route exists); then routing, then the credential, then the route.
 * No response ever carries CORS headers, so preflights (OPTIONS) simply fail.
 */
export function createRequestListener(options: DispatchOptions): RequestListener {
  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setBaselineHeaders(res);
    const policy = options.hostPolicy();
    if (!isAllowedHost(policy, req.headers.host)) return sendDetail(res, 403, 'Host not allowed');
    if (!isAllowedOrigin(policy, req.headers.origin)) return sendDetail(res, 403, 'Origin not allowed');
    if (req.method === 'OPTIONS') return sendDetail(res, 405, 'Method Not Allowed');

    const target = parseRequestTarget(req.url);
    const scope = presentedScope(req.headers.authorization, options.credentials);
    if (isSessionPath(target.path) && scope !== 'session') {
      req.resume();
      if (scope === 'apiKey') return sendDetail(res, 403, API_KEY_OUT_OF_SCOPE);
      return sendUnauthenticated(res);
    }
    const candidates: { route: Route; params: Record<string, string> }[] = [];
    for (const route of options.routes) {
      const params = route.path.match(target.path);
      if (params) candidates.push({ route, params });
    }
    const authorized = (): boolean => scope !== null;

    if (candidates.length === 0) {
      if (isApiPath(target.path)) {
        if (!authorized()) return sendUnauthenticated(res);
        return sendDetail(res, 404, 'Not Found');
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendDetail(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
      }
      // The address the server printed (`/?token=…`) opens the page with its data already in it.
      const token = target.query.get('token');
      const session = token !== null && options.credentials.sessionToken !== null && isToken(token, options.credentials.sessionToken);
      return options.staticFiles.serve(req, res, target.path, { session });
    }

    const chosen = candidates.find(({ route }) => route.method === req.method);
    const needed = (chosen ? [chosen] : candidates).map(({ route }) => route.auth);
    if (needed.includes('session') && scope !== 'session') {
      return scope === 'apiKey' ? sendDetail(res, 403, API_KEY_OUT_OF_SCOPE) : sendUnauthenticated(res);
    }
    if (needed.includes('token') && !authorized()) return sendUnauthenticated(res);
    if (!chosen) {
      const allow = [...new Set(candidates.map(({ route }) => route.method))].join(', ');
      return sendDetail(res, 405, 'Method Not Allowed', { Allow: allow });
    }
    await chosen.route.handle({ req, res, params: chosen.params, query: target.query, log: options.log });
  }

  return (req, res) => {
    dispatch(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
      } else if (error instanceof HttpError) {
        sendDetail(res, error.status, error.message);
      } else {
        options.log(`[http] ${req.method ?? '?'} ${req.url ?? '?'} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        sendDetail(res, 500, 'Internal server error; the log has the details');
      }
    });
  };
}
