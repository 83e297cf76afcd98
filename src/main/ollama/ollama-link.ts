import { Agent, fetch as undiciFetch } from 'undici';
import { DEFAULT_OLLAMA_TIMEOUT_SETTINGS, noticeMsFor, type OllamaTimeoutSettings } from '../../shared/ollama-timeouts';
import type { StallOptions } from './stall-watchdog';

/**
 * How the app talks to one Ollama: its address, a fetch whose time limits are ours, and those
 * limits. Node's built-in fetch has hidden ones (undici's 300 s for headers and between body
 * chunks) that cut off a large model loading on a CPU and then say nothing useful; here the
 * connection pool only limits connecting, and every longer wait is watched by the app itself
 * (a per-call limit for quick calls, StallWatchdog for long ones), with the limits in Settings.
 */

export interface OllamaTimeouts {
  /** Opening a TCP connection to Ollama. */
  connectMs: number;
  /** A quick call (version, list, ps, show, unload) answered in full. */
  callMs: number;
  /** No byte from Ollama for this long during a long request: it stalled. */
  stallMs: number;
  /** No byte for this long: show "no answer from Ollama for N s". */
  noticeMs: number;
}

/** The limits in milliseconds, from the seconds the user set. */
export function timeoutsFromSettings(settings: OllamaTimeoutSettings): OllamaTimeouts {
  const stallMs = Math.round(settings.stallSeconds * 1000);
  return {
    connectMs: Math.round(settings.connectSeconds * 1000),
    callMs: Math.round(settings.callSeconds * 1000),
    stallMs,
    noticeMs: noticeMsFor(stallMs),
  };
}

/** Ten minutes of silence before a stall: a 70B model loading from a slow disk onto a CPU can be silent for several. */
export const DEFAULT_OLLAMA_TIMEOUTS: OllamaTimeouts = timeoutsFromSettings(DEFAULT_OLLAMA_TIMEOUT_SETTINGS);

export interface OllamaLink {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:11434`. */
  host: string;
  fetch: typeof fetch;
  timeouts: OllamaTimeouts;
}

/** A fetch over its own connection pool: connect limit set, undici's header and body limits off. */
export function ollamaFetch(connectMs: number): typeof fetch {
  const dispatcher = new Agent({ connect: { timeout: connectMs }, headersTimeout: 0, bodyTimeout: 0 });
  const bound = (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher });
  // undici's Response is the same WHATWG class Node exposes; only the declared types differ.
  return bound as unknown as typeof fetch;
}

let defaultFetch: typeof fetch | null = null;

/** The fetch used when a caller passes none (tests, scripts): default limits. */
export function defaultOllamaFetch(): typeof fetch {
  defaultFetch ??= ollamaFetch(DEFAULT_OLLAMA_TIMEOUTS.connectMs);
  return defaultFetch;
}

/**
 * The headers a link's fetch adds to every request (a host's bearer token), for the one request
 * that cannot go through fetch (a blob upload over node:http). Kept off the link object itself,
 * so the token is in no property a log or a JSON dump of the link could show.
 */
const addedHeaders = new WeakMap<typeof fetch, Readonly<Record<string, string>>>();

/** The headers `fetch` adds to each request (none for a plain fetch). */
export function headersAddedBy(fetch: typeof globalThis.fetch | undefined): Readonly<Record<string, string>> {
  return (fetch && addedHeaders.get(fetch)) ?? {};
}

/** `base` with `Authorization: Bearer <token>` on every request (for a reverse proxy in front of Ollama). */
export function withBearerToken(base: typeof fetch, token: string): typeof fetch {
  const authorization = `Bearer ${token}`;
  const authorized: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('Authorization', authorization);
    return base(input, { ...init, headers });
  };
  addedHeaders.set(authorized, { Authorization: authorization });
  return authorized;
}

export interface OllamaLinkAuth {
  /** A bearer token sent on every request; null or absent: none. */
  token?: string | null;
}

export function createOllamaLink(host: string, timeouts: OllamaTimeouts = DEFAULT_OLLAMA_TIMEOUTS, auth: OllamaLinkAuth = {}): OllamaLink {
  const plain = ollamaFetch(timeouts.connectMs);
  return { host: host.replace(/\/+$/, ''), fetch: auth.token ? withBearerToken(plain, auth.token) : plain, timeouts };
}

/** The watchdog settings of a long request on this link. */
export function stallOptionsOf(timeouts: OllamaTimeouts, onWaiting?: (silentSeconds: number | null) => void): StallOptions {
  return { stallMs: timeouts.stallMs, noticeMs: timeouts.noticeMs, ...(onWaiting ? { onWaiting } : {}) };
}
