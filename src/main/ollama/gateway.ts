import { Ollama } from 'ollama';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { toOllamaError } from './errors';
import {
  parseReply,
  psReplySchema,
  showReplySchema,
  tagsReplySchema,
  toOllamaModels,
  toRunningModels,
  toShowResult,
  versionReplySchema,
} from './replies';
import type { OllamaGateway } from './types';

/**
 * The quick, non-streaming Ollama calls, over the `ollama` npm client. Each call gets its own
 * time limit (the client's non-streaming methods take no AbortSignal, so the limit rides in on
 * the `fetch` it is given), every reply is parsed at the boundary, and every failure becomes an
 * AppError (see ./errors).
 */

export const DEFAULT_TIMEOUT_MS = 5_000;

export interface OllamaGatewayOptions {
  /** Per-call limit for these quick calls; default 5 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function createOllamaGateway(host: string, options: OllamaGatewayOptions = {}): OllamaGateway {
  const base = host.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const baseFetch = options.fetch ?? globalThis.fetch;

  async function call<S extends z.ZodType>(endpoint: string, schema: S, run: (client: Ollama) => Promise<unknown>): Promise<z.output<S>> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const limitedFetch: typeof fetch = (input, init) =>
      baseFetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
    let client: Ollama;
    try {
      client = new Ollama({ host: base, fetch: limitedFetch });
    } catch {
      throw new AppError('validation', `"${host}" is not a valid Ollama address: fix the host in Settings (e.g. http://127.0.0.1:11434).`);
    }
    let reply: unknown;
    try {
      reply = await run(client);
    } catch (error) {
      throw toOllamaError(error, { host: base, endpoint, timeoutMs, timedOut: timeout.aborted });
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
  };
}
