/**
 * Who may talk to the server: only pages and programs that reach it by a loopback name (or the
 * address it is bound to). A DNS-rebinding page sends its own host name in `Host`, and a foreign
 * page sends its own `Origin`; both are refused before any route runs.
 */

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);

export interface HostPolicy {
  /** Lower-case `Host` header values that are accepted, e.g. `127.0.0.1:5123`. */
  readonly hosts: ReadonlySet<string>;
  /** Lower-case origins that are accepted, e.g. `http://127.0.0.1:5123`. */
  readonly origins: ReadonlySet<string>;
}

function hostLiteral(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '');
  return bare.includes(':') ? `[${bare}]` : bare;
}

export function createHostPolicy(boundHost: string, port: number): HostPolicy {
  const names = new Set(LOOPBACK_NAMES);
  const bound = hostLiteral(boundHost.trim().toLowerCase());
  // Listening on every interface does not make "0.0.0.0" a name anyone should use.
  if (bound && !WILDCARD_ADDRESSES.has(bound)) names.add(bound);

  const hosts = new Set<string>();
  for (const name of names) {
    hosts.add(`${name}:${port}`);
    // Clients leave the default port out of `Host`.
    if (port === 80) hosts.add(name);
  }
  const origins = new Set([...hosts].map((host) => `http://${host}`));
  return { hosts, origins };
}

export function isAllowedHost(policy: HostPolicy, host: string | undefined): boolean {
  return host !== undefined && policy.hosts.has(host.toLowerCase());
}

/** No `Origin` (curl, same-origin GET) is fine; any other value must be one of ours, `null` included. */
export function isAllowedOrigin(policy: HostPolicy, origin: string | undefined): boolean {
  return origin === undefined || policy.origins.has(origin.toLowerCase());
}
