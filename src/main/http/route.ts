import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PathPattern } from './path-pattern';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Checked before the handler runs. `token`: the API key or the UI session (`/admin`);
 * `session`: the UI session only (`/rpc`, `/events`); `public`: the route checks for itself.
 */
export type AuthKind = 'token' | 'session' | 'public';

export interface RouteContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** Decoded path parameters, by the names in the route's pattern. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly log: (line: string) => void;
}

/** One entry of the route table; the server tries them in order. */
export interface Route {
  readonly method: HttpMethod;
  readonly path: PathPattern;
  readonly auth: AuthKind;
  handle(context: RouteContext): Promise<void> | void;
}
