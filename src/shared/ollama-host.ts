/**
 * Where Ollama listens. The `ollama` npm client does not read OLLAMA_HOST, so the app does, with
 * the rules of Ollama's own `envconfig.Host()` and `ConnectableHost()` (envconfig/config.go),
 * including Go's `net.SplitHostPort` and `net.ParseIP` behaviour, so that a value that works for
 * `ollama serve` works here and means the same thing.
 */

export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';
const DEFAULT_PORT = '11434';

// ---------- Go's net.SplitHostPort ----------

/** Go's `net.SplitHostPort`: null where Go returns an error (missing port, too many colons, bad brackets). */
export function splitHostPort(hostport: string): { host: string; port: string } | null {
  const i = hostport.lastIndexOf(':');
  if (i < 0) return null;
  let host: string;
  let j = 0;
  let k = 0;
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0) return null;
    if (end + 1 !== i) return null; // no port after `]`, or a colon that is not the last one
    host = hostport.slice(1, end);
    j = 1;
    k = end + 1;
  } else {
    host = hostport.slice(0, i);
    if (host.includes(':')) return null;
  }
  if (hostport.slice(j).includes('[')) return null;
  if (hostport.slice(k).includes(']')) return null;
  return { host, port: hostport.slice(i + 1) };
}

function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

// ---------- Go's net.ParseIP and IP.String ----------

/** 16 bytes, IPv4 stored as IPv4-mapped IPv6, as Go does; null when not an IP address. */
function parseIP(text: string): number[] | null {
  return text.includes(':') ? parseIPv6(text) : parseIPv4(text);
}

function parseIPv4Bytes(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    // Go rejects leading zeros (ambiguous octal) since 1.17.
    if (!/^\d{1,3}$/.test(part) || (part.length > 1 && part.startsWith('0'))) return null;
    const n = Number(part);
    if (n > 255) return null;
    bytes.push(n);
  }
  return bytes;
}

function parseIPv4(text: string): number[] | null {
  const v4 = parseIPv4Bytes(text);
  return v4 ? [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4] : null;
}

/** A port of Go's parseIPv6: hex groups, one `::`, an optional trailing dotted IPv4; no zone. */
function parseIPv6(text: string): number[] | null {
  const ip = new Array<number>(16).fill(0);
  let ellipsis = -1;
  let s = text;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === '') return ip;
  }
  let i = 0;
  while (i < 16) {
    const hex = /^[0-9A-Fa-f]{1,4}/.exec(s);
    if (!hex) return null;
    const c = hex[0].length;
    if (s[c] === '.') {
      if ((ellipsis < 0 && i !== 12) || i + 4 > 16) return null;
      const v4 = parseIPv4Bytes(s);
      if (!v4) return null;
      ip.splice(i, 4, ...v4);
      s = '';
      i += 4;
      break;
    }
    if (/^[0-9A-Fa-f]/.test(s.slice(c))) return null; // more than four hex digits
    const n = parseInt(hex[0], 16);
    ip[i] = n >> 8;
    ip[i + 1] = n & 0xff;
    i += 2;
    s = s.slice(c);
    if (s === '') break;
    if (s[0] !== ':' || s.length === 1) return null;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return null;
      ellipsis = i;
      s = s.slice(1);
      if (s === '') break;
    }
  }
  if (s !== '') return null;
  if (i < 16) {
    if (ellipsis < 0) return null;
    const n = 16 - i;
    const moved = ip.slice(ellipsis, i);
    ip.fill(0, ellipsis, 16);
    ip.splice(ellipsis + n, moved.length, ...moved);
  } else if (ellipsis >= 0) {
    return null; // `::` must stand for at least one group
  }
  return ip;
}

function isV4Mapped(ip: number[]): boolean {
  return ip.slice(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff;
}

/** Go's `IP.String()`: dotted for IPv4 (and IPv4-mapped), RFC 5952 for IPv6. */
function formatIP(ip: number[]): string {
  if (isV4Mapped(ip)) return ip.slice(12).join('.');
  const fields: number[] = [];
  for (let i = 0; i < 16; i += 2) fields.push(((ip[i] ?? 0) << 8) | (ip[i + 1] ?? 0));
  // The longest run of zero fields (at least two) becomes `::`; the first one wins a tie.
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (fields[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && fields[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) bestStart = -1;
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      out += '::';
      i += bestLen - 1;
      continue;
    }
    if (out !== '' && !out.endsWith(':')) out += ':';
    out += (fields[i] ?? 0).toString(16);
  }
  return out;
}

function isUnspecified(ip: number[]): boolean {
  return ip.every((b) => b === 0) || (isV4Mapped(ip) && ip.slice(12).every((b) => b === 0));
}

// ---------- envconfig.Host and ConnectableHost ----------

interface HostUrl {
  scheme: string;
  host: string;
  port: string;
  path: string;
}

/** Go's `strconv.ParseInt(port, 10, 32)` followed by Ollama's range check. */
function validPort(port: string): boolean {
  if (!/^[+-]?\d+$/.test(port)) return false;
  const n = Number(port);
  return n >= 0 && n <= 65535;
}

function stripQuotesAndSpace(value: string): string {
  // envconfig.Var: trim spaces, then any surrounding single or double quotes; Host() trims again.
  return value
    .trim()
    .replace(/^["']+|["']+$/g, '')
    .trim();
}

function parseHostValue(raw: string): HostUrl {
  const s = stripQuotesAndSpace(raw);
  let defaultPort = DEFAULT_PORT;
  let scheme: string;
  let hostport: string;
  const sep = s.indexOf('://');
  if (sep < 0) {
    scheme = 'http';
    hostport = s;
    if (s === 'ollama.com') {
      scheme = 'https';
      hostport = 'ollama.com:443';
    }
  } else {
    scheme = s.slice(0, sep);
    hostport = s.slice(sep + 3);
    if (scheme === 'http') defaultPort = '80';
    else if (scheme === 'https') defaultPort = '443';
  }

  const slash = hostport.indexOf('/');
  const path = slash < 0 ? '' : hostport.slice(slash + 1);
  if (slash >= 0) hostport = hostport.slice(0, slash);

  let host: string;
  let port: string;
  const split = splitHostPort(hostport);
  if (split) {
    host = split.host;
    port = split.port;
  } else {
    host = '127.0.0.1';
    port = defaultPort;
    const ip = parseIP(hostport.replace(/^[[\]]+|[[\]]+$/g, ''));
    if (ip) host = formatIP(ip);
    else if (hostport !== '') host = hostport;
  }
  if (!validPort(port)) port = defaultPort;
  return { scheme, host, port, path };
}

function formatHostUrl(url: HostUrl): string {
  const path = url.path === '' ? '' : `/${url.path}`;
  return `${url.scheme}://${joinHostPort(url.host, url.port)}${path}`;
}

/** Ollama's `envconfig.Host()` for an OLLAMA_HOST value: the address `ollama serve` binds to. */
export function ollamaEnvHost(value: string): string {
  return formatHostUrl(parseHostValue(value));
}

/**
 * Ollama's `envconfig.ConnectableHost()`: `Host()` with an unspecified address (0.0.0.0, ::)
 * replaced by loopback. Unlike Go, an empty host (`:1234`) also becomes 127.0.0.1: Go dials the
 * local machine for it, but `http://:1234` is not a URL a fetch can use.
 */
export function connectableOllamaHost(value: string): string {
  const url = parseHostValue(value);
  const ip = parseIP(url.host);
  if (ip && isUnspecified(ip)) url.host = isV4Mapped(ip) ? '127.0.0.1' : '::1';
  else if (url.host === '') url.host = '127.0.0.1';
  return formatHostUrl(url);
}

/**
 * The base URL to talk to Ollama at: the host set in Settings, else OLLAMA_HOST, else the
 * default; either is read with Ollama's own rules, so `localhost`, `0.0.0.0:11434` or
 * `https://example.com/ollama` mean what they mean to Ollama.
 */
export function resolveOllamaHost(settingsHost: string | null | undefined, envHost: string | undefined): string {
  for (const value of [settingsHost, envHost]) {
    if (value !== null && value !== undefined && stripQuotesAndSpace(value) !== '') return connectableOllamaHost(value);
  }
  return DEFAULT_OLLAMA_HOST;
}

const HOSTNAME = /^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$/;

/**
 * Why a host typed in Settings would not work, or null when it would (an empty value means "use
 * OLLAMA_HOST or the default" and is fine). Ollama silently swaps a bad port for its default;
 * here the user is told instead.
 */
export function hostProblem(input: string): string | null {
  const s = stripQuotesAndSpace(input);
  if (s === '') return null;
  let hostport = s;
  const sep = s.indexOf('://');
  if (sep >= 0) {
    const scheme = s.slice(0, sep).toLowerCase();
    if (scheme !== 'http' && scheme !== 'https') return `"${s.slice(0, sep)}://" is not supported: use http:// or https://`;
    hostport = s.slice(sep + 3);
  }
  const slash = hostport.indexOf('/');
  if (slash >= 0) hostport = hostport.slice(0, slash);
  if (hostport === '') return 'the host is empty: use a name or address, e.g. 127.0.0.1:11434';

  const split = splitHostPort(hostport);
  let host: string;
  if (split) {
    if (!/^\d+$/.test(split.port) || Number(split.port) < 1 || Number(split.port) > 65535) {
      return `port "${split.port}" must be a number from 1 to 65535`;
    }
    host = split.host;
    if (hostport.startsWith('[') && !parseIP(host)) return `"[${host}]" is not a valid bracketed IPv6 address`;
  } else {
    if (hostport.includes('[') || hostport.includes(']')) {
      if (!parseIP(hostport.replace(/^\[|\]$/g, ''))) return `"${hostport}" is not a valid bracketed IPv6 address`;
    }
    host = hostport.replace(/^\[|\]$/g, '');
    if (host.includes(':') && !parseIP(host)) return `"${hostport}" has too many colons: write an IPv6 address in brackets, e.g. [::1]:11434`;
  }
  if (host !== '' && !parseIP(host) && !HOSTNAME.test(host)) return `"${host}" is not a valid host name or IP address`;

  try {
    new URL(connectableOllamaHost(s));
  } catch {
    return `"${s}" does not make a valid URL`;
  }
  return null;
}
