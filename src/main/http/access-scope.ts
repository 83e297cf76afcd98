import { hasBearerToken } from './bearer-token';

/**
 * Two credentials, two scopes. The API key is handed to other programs (OpenAI clients, scripts)
 * and opens only `/v1` and `/admin`: it can chat with and manage registered models, never reach the
 * app's own calls. The UI session token is what the page was opened with and opens everything,
 * including `/rpc/*` (Modelfile files, workspaces) and `/events`. A leaked API key therefore
 * cannot read or write files through the app.
 */
export type Scope = 'session' | 'apiKey';

export interface Credentials {
  /** `Authorization: Bearer <apiKey>` for `/v1` and `/admin`. */
  readonly apiKey: string;
  /** The UI session: every path. Null where no UI is served (the desktop Local API). */
  readonly sessionToken: string | null;
}

/** Paths only the UI session may use, whatever routes exist under them. */
const SESSION_PREFIXES = ['/rpc', '/events'];

export function isSessionPath(path: string): boolean {
  return SESSION_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** Which scope the request's `Authorization` grants, or null for none. Both are always compared. */
export function presentedScope(authorization: string | undefined, credentials: Credentials): Scope | null {
  const session = credentials.sessionToken !== null && hasBearerToken(authorization, credentials.sessionToken);
  const apiKey = hasBearerToken(authorization, credentials.apiKey);
  if (session) return 'session';
  return apiKey ? 'apiKey' : null;
}

export const API_KEY_OUT_OF_SCOPE =
  "The API key opens /v1 and /admin only. The app's own calls (/rpc, /events) need the session of the page Modelwright opened.";
