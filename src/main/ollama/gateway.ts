import { Ollama } from 'ollama';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { stalledError, toOllamaError } from './errors';
import { defaultOllamaFetch, DEFAULT_OLLAMA_TIMEOUTS, ollamaFetch, type OllamaTimeouts } from './ollama-link';
import { cappedResponse, MAX_REPLY_BODY_BYTES, replyBodyTooLargeError } from './reply-limits';
import {
  deleteReplySchema,
  loadReplySchema,
  parseReply,
  psReplySchema,
  showReplySchema,
  tagsReplySchema,
  toOllamaModels,
  toRunningModels,
  toShowResult,
  versionReplySchema,
} from './replies';
import type { KeepAlive, OllamaGateway } from './types';

/**
 * The quick, non-streaming Ollama calls, over the `ollama` npm client. Each call gets its own
 * time limit (the client's non-streaming methods take no AbortSignal, so the limit rides in on
 * the `fetch` it is given), every reply is parsed at the boundary and capped in size, and every
 * failure becomes an AppError (see ./errors).
 */

export const DEFAULT_TIMEOUT_MS = DEFAULT_OLLAMA_TIMEOUTS.callMs;

export interface OllamaGatewayOptions {
  /** Per-call limit for the quick calls; default the timeouts' callMs (5 s). */
  timeoutMs?: number;
  /** Loading a model, deleting and copying one answer only when done: they get the stall limit. */
  timeouts?: OllamaTimeouts;
  /** Default: a fetch with the timeouts' connect limit (see ollama-link). */
  fetch?: typeof fetch;
  /** Told how each call went: the connection monitor learns of a stopped Ollama from any call. */
  observer?: CallObserver;
}

export interface CallObserver {
  /** Ollama at `host` answered (a reply was read). */
  answered(host: string): void;
  /** The call failed; `error` is what was thrown, before it became an AppError. */
  failed(host: string, error: unknown): void;
}

export function createOllamaGateway(host: string, options: OllamaGatewayOptions = {}): OllamaGateway {
  const base = host.replace(/\/+$/, '');
  const timeouts = options.timeouts ?? DEFAULT_OLLAMA_TIMEOUTS;
  const timeoutMs = options.timeoutMs ?? timeouts.callMs;
  // Loading a large model from a slow disk takes minutes; the reply comes only once it is in memory.
  const longMs = timeouts.stallMs;
  const baseFetch = options.fetch ?? (options.timeouts ? ollamaFetch(timeouts.connectMs) : defaultOllamaFetch());

  async function call<S extends z.ZodType>(
    endpoint: string,
    schema: S,
    run: (client: Ollama) => Promise<unknown>,
    limits: { long?: boolean; signal?: AbortSignal | undefined } = {},
  ): Promise<z.output<S>> {
    const callTimeoutMs = limits.long ? longMs : timeoutMs;
    const timeout = AbortSignal.timeout(callTimeoutMs);
    const stop = limits.signal ? AbortSignal.any([limits.signal, timeout]) : timeout;
    let tooLarge = false;
    // The npm client reads whole bodies with response.json(): capped, so a huge one fails fast.
    const limitedFetch: typeof fetch = async (input, init) =>
      cappedResponse(await baseFetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, stop]) : stop }), MAX_REPLY_BODY_BYTES, () => {
        tooLarge = true;
        return replyBodyTooLargeError(base, endpoint);
      });
    let client: Ollama;
    try {
      client = new Ollama({ host: base, fetch: limitedFetch });
    } catch {
      throw new AppError('validation', `"${host}" is not a valid Ollama address: fix the host in Settings (e.g. http://127.0.0.1:11434).`);
    }
    let reply: unknown;
    try {
      reply = await run(client);
      options.observer?.answered(base);
    } catch (error) {
      options.observer?.failed(base, error);
      if (tooLarge) throw replyBodyTooLargeError(base, endpoint);
      // A long call reached the stall limit: Ollama took it and went silent, it is not unreachable.
      if (limits.long && timeout.aborted) throw stalledError({ host: base, endpoint }, callTimeoutMs);
      throw toOllamaError(error, { host: base, endpoint, timeoutMs: callTimeoutMs, timedOut: timeout.aborted });
    }
    return parseReply(endpoint, schema, reply);
  }

  return {
    host: base,
    async version() {
      return (await call('/api/version', versionReplySchema, (c) => c.version())).version;
    },
    async list() {
      return toOllamaModels(await call('/api/tags', tagsReplySchema, (c) => c.list()));
    },
    async running() {
      return toRunningModels(await call('/api/ps', psReplySchema, (c) => c.ps()));
    },
    async show(model: string) {
      return toShowResult(await call('/api/show', showReplySchema, (c) => c.show({ model })));
    },
    // ---------- lifecycle: load, unload, delete ----------
    // One JSON object each way, never a stream: an empty prompt only loads (or, with keep_alive 0, unloads).
    async load(model: string, keepAlive?: KeepAlive) {
      const request = { model, prompt: '', stream: false as const, ...(keepAlive === undefined ? {} : { keep_alive: keepAlive }) };
      await call('/api/generate', loadReplySchema, (c) => c.generate(request), { long: true });
    },
    async unload(model: string) {
      await call('/api/generate', loadReplySchema, (c) => c.generate({ model, prompt: '', stream: false, keep_alive: 0 }));
    },
    async delete(model: string, options: { signal?: AbortSignal } = {}) {
      await call('/api/delete', deleteReplySchema, (c) => c.delete({ model }), { long: true, signal: options.signal });
    },
    // ---------- lifecycle: versions, edit, delete, adopt ----------
    async copy(source: string, destination: string) {
      // Ollama answers with an empty body, which the npm client turns into its own success object.
      await call('/api/copy', deleteReplySchema, (c) => c.copy({ source, destination }), { long: true });
    },
  };
}
