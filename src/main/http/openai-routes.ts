import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { toAppError } from '../../shared/errors';
import { sameModel } from '../../shared/model-name';
import type { ModelEntry } from '../../shared/registry';
import { asksToThink, canThink } from '../../shared/think';
import type { ChatFinalStats, OllamaChatRequest } from '../chat/ollama-chat';
import { findModelOrAlias } from '../chat/model-lookup';
import type { ChatProxyBackend } from '../chat/proxy-backend';
import { HttpError } from './http-error';
import { readJsonBody } from './json-body';
import { fromAppError, notAvailable, notConfigured, OpenAiError, sendOpenAiError } from './openai-errors';
import { parseChatCompletionRequest, toOllamaRequest, type ChatCompletionRequest } from './openai-request';
import { toOpenAiToolCalls } from './openai-tool-calls';
import { pathPattern } from './path-pattern';
import { sendJson } from './responses';
import type { Route, RouteContext } from './route';
import { openSse, type SseWriter } from './sse-writer';

/**
 * The OpenAI-compatible API, under the seed's proxy rules: only models the registry configures,
 * and only while they are available (400 `model X not configured`, 503 `model X not available`).
 * The routes check the bearer token themselves so that even a 401 comes in OpenAI's error shape;
 * Host and Origin are checked before any route runs, as for every other path.
 */

export interface OpenAiRoutesOptions {
  backend: ChatProxyBackend;
  /** Whether `Authorization` carries a credential that opens /v1 (the API key or the UI session). */
  authorized: (authorization: string | undefined) => boolean;
}

const OWNER = 'modelwright';

/** The primary has it (its status), or another host lists it. */
function isAvailable(backend: ChatProxyBackend, entry: ModelEntry): boolean {
  return entry.status === 'available' || (backend.having?.(entry.name) ?? null) !== null;
}

function servedModels(backend: ChatProxyBackend): ModelEntry[] {
  return Object.values(backend.registry()?.models ?? {}).filter((m) => m.show_in_ui && isAvailable(backend, m));
}

/** The served names: each served version, and each alias released from one (`id` the alias, the entry its version). */
function servedNames(backend: ChatProxyBackend): Array<{ id: string; entry: ModelEntry }> {
  const served = servedModels(backend);
  const byName = new Map(served.map((entry) => [entry.name, entry]));
  const aliases = Object.keys(backend.registry()?.aliases ?? {}).flatMap((alias) => {
    const entry = findModelOrAlias(backend.registry(), alias);
    const version = entry ? byName.get(entry.name) : undefined;
    return version ? [{ id: alias, entry: version }] : [];
  });
  return [...served.map((entry) => ({ id: entry.name, entry })), ...aliases];
}

/** Which Ollama host answers, for a client that wants to know (several hosts may serve a model). */
export const HOST_HEADER = 'X-Modelwright-Host';

function announceHost(res: ServerResponse): (host: string) => void {
  return (host) => {
    if (!res.headersSent) res.setHeader(HOST_HEADER, host);
  };
}

function unixSeconds(iso: string | undefined): number {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : 0;
}

function modelObject({ id, entry }: { id: string; entry: ModelEntry }) {
  return { id, object: 'model', created: unixSeconds(entry.created_at), owned_by: OWNER };
}

/** Ollama's FinishChunk: `stop` becomes `tool_calls` when the reply called tools. */
function finishReason(stats: ChatFinalStats | null, calledTools: boolean): 'stop' | 'length' | 'tool_calls' {
  if (stats?.doneReason === 'length') return 'length';
  return calledTools ? 'tool_calls' : 'stop';
}

/**
 * What the model must be able to do for this request, checked before Ollama is asked: reasoning
 * needs `thinking` (never sent otherwise: see shared/think), tools need `tools`. A model known to
 * lack one gets a 400 saying so, as Ollama itself would refuse; unknown capabilities let the
 * request go on, with `think` turned off by the chat streamer.
 */
async function checkCapabilities(backend: ChatProxyBackend, request: OllamaChatRequest, asked: string): Promise<void> {
  const wantsThink = asksToThink(request.think);
  const wantsTools = (request.tools?.length ?? 0) > 0;
  if (!wantsThink && !wantsTools) return;
  const capabilities = (await backend.capabilities?.(request.model)) ?? null;
  if (capabilities === null) return;
  if (wantsThink && !canThink(capabilities)) {
    const message = `model ${asked} cannot reason: Ollama lists no "thinking" capability for it. Leave out reasoning_effort (or send "none"), or use a model that thinks.`;
    throw new OpenAiError(400, message, 'invalid_request_error', 'unsupported_parameter', 'reasoning_effort', false);
  }
  if (wantsTools && !capabilities.includes('tools')) {
    const message = `model ${asked} cannot call tools: Ollama lists no "tools" capability for it (its template has no tool support). Leave out tools, or use a model that has it.`;
    throw new OpenAiError(400, message, 'invalid_request_error', 'unsupported_parameter', 'tools', false);
  }
}

function usageOf(stats: ChatFinalStats | null) {
  const prompt = stats?.promptEvalCount ?? 0;
  const completion = stats?.evalCount ?? 0;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

async function readBody(context: RouteContext): Promise<unknown> {
  try {
    return await readJsonBody(context.req);
  } catch (error) {
    if (error instanceof HttpError) throw new OpenAiError(error.status, error.message, 'invalid_request_error', null, null, false);
    throw error;
  }
}

/**
 * The registry entry a request may use, or the seed's 400/503. A released alias stands for its
 * version: Ollama is asked for the version by its own name and the reply names it, as OpenAI names
 * the snapshot an alias resolved to; the registry, not Ollama's copy, says what the alias means.
 */
function allowedModel(backend: ChatProxyBackend, requested: string): ModelEntry {
  const entry = findModelOrAlias(backend.registry(), requested);
  if (!entry) throw notConfigured(requested);
  if (!isAvailable(backend, entry)) throw notAvailable(requested);
  return entry;
}

interface Completion {
  id: string;
  created: number;
  model: string;
}

function chunk(c: Completion, delta: Record<string, unknown>, finish: string | null) {
  return {
    id: c.id,
    object: 'chat.completion.chunk',
    created: c.created,
    model: c.model,
    system_fingerprint: null,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  };
}

async function streamCompletion(res: ServerResponse, backend: ChatProxyBackend, request: ChatCompletionRequest, ollama: OllamaChatRequest): Promise<void> {
  const controller = new AbortController();
  // The client went away: stop Ollama generating for no one.
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const completion: Completion = { id: `chatcmpl-${randomUUID().replaceAll('-', '')}`, created: Math.floor(Date.now() / 1000), model: ollama.model };
  let sse: SseWriter | null = null;
  const open = async (): Promise<SseWriter> => {
    if (sse) return sse;
    const writer = openSse(res);
    sse = writer;
    await writer.send(chunk(completion, { role: 'assistant', content: '' }, null));
    return writer;
  };
  let stats: ChatFinalStats | null = null;
  let calls = 0;
  try {
    for await (const event of backend.stream(ollama, controller.signal, undefined, announceHost(res))) {
      // Headers wait for Ollama's first line, so its early errors (404, busy) keep their status.
      const writer = await open();
      if (event.type === 'delta') await writer.send(chunk(completion, { content: event.text }, null));
      // Ollama's compatibility layer calls the thinking `reasoning`.
      else if (event.type === 'thinking') await writer.send(chunk(completion, { reasoning: event.text }, null));
      else if (event.type === 'tool_calls') {
        await writer.send(chunk(completion, { tool_calls: toOpenAiToolCalls(event.calls, calls) }, null));
        calls += event.calls.length;
      } else stats = event.stats;
    }
    const writer = await open();
    await writer.send(chunk(completion, {}, finishReason(stats, calls > 0)));
    if (request.stream_options?.include_usage) {
      await writer.send({ ...chunk(completion, {}, null), choices: [], usage: usageOf(stats) });
    }
    await writer.send('[DONE]');
    writer.end();
  } catch (error) {
    if (controller.signal.aborted) return;
    const failure = error instanceof OpenAiError ? error : fromAppError(toAppError(error), request.model);
    const writer = sse as SseWriter | null;
    if (!writer) return sendOpenAiError(res, failure);
    // After the first byte the status is spent: OpenAI's clients raise an `error` event as an
    // APIError; [DONE] after it ends the stream for clients that read on, never a dropped socket.
    await writer.send(failure.body());
    await writer.send('[DONE]');
    writer.end();
  }
}

async function wholeCompletion(res: ServerResponse, backend: ChatProxyBackend, request: ChatCompletionRequest, ollama: OllamaChatRequest): Promise<void> {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  let content = '';
  let reasoning = '';
  const toolCalls: Array<Record<string, unknown>> = [];
  let stats: ChatFinalStats | null = null;
  try {
    for await (const event of backend.stream(ollama, controller.signal, undefined, announceHost(res))) {
      if (event.type === 'delta') content += event.text;
      else if (event.type === 'thinking') reasoning += event.text;
      else if (event.type === 'tool_calls') toolCalls.push(...toOpenAiToolCalls(event.calls, toolCalls.length));
      else stats = event.stats;
    }
  } catch (error) {
    if (controller.signal.aborted) return;
    throw error instanceof OpenAiError ? error : fromAppError(toAppError(error), request.model);
  }
  sendJson(res, 200, {
    id: `chatcmpl-${randomUUID().replaceAll('-', '')}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: ollama.model,
    system_fingerprint: null,
    choices: [
      {
        index: 0,
        // As OpenAI does, content is null when the reply is only tool calls.
        message: {
          role: 'assistant',
          content: content === '' && toolCalls.length > 0 ? null : content,
          refusal: null,
          ...(reasoning !== '' ? { reasoning } : {}),
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: finishReason(stats, toolCalls.length > 0),
      },
    ],
    usage: usageOf(stats),
  });
}

export function openaiRoutes({ backend, authorized }: OpenAiRoutesOptions): Route[] {
  /** Token first, then the route; every failure answered in OpenAI's shape. */
  const guarded =
    (handle: (context: RouteContext) => Promise<void>) =>
    async (context: RouteContext): Promise<void> => {
      const { req, res, log } = context;
      if (!authorized(req.headers.authorization)) {
        req.resume();
        const error = new OpenAiError(401, 'Missing or wrong API key: send the Modelwright API key as "Authorization: Bearer <token>".', 'authentication_error', 'invalid_api_key');
        return sendOpenAiError(res, error, { 'WWW-Authenticate': 'Bearer' });
      }
      try {
        await handle(context);
      } catch (error) {
        if (res.headersSent) throw error;
        if (error instanceof OpenAiError) return sendOpenAiError(res, error);
        log(`[http] ${req.method ?? '?'} ${req.url ?? '?'} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        sendOpenAiError(res, fromAppError(toAppError(error), ''));
      }
    };

  return [
    {
      method: 'GET',
      path: pathPattern('/v1/models'),
      auth: 'public',
      handle: guarded(async ({ res }) => {
        sendJson(res, 200, { object: 'list', data: servedNames(backend).map(modelObject) });
      }),
    },
    {
      method: 'GET',
      path: pathPattern('/v1/models/{model...}'),
      auth: 'public',
      handle: guarded(async ({ res, params }) => {
        const name = params.model ?? '';
        const found = servedNames(backend).find((served) => sameModel(served.id, name));
        if (!found) throw new OpenAiError(404, `The model ${name} does not exist or is not served`, 'invalid_request_error', 'model_not_found', 'model', false);
        sendJson(res, 200, modelObject(found));
      }),
    },
    {
      method: 'POST',
      path: pathPattern('/v1/chat/completions'),
      auth: 'public',
      handle: guarded(async (context) => {
        const request = parseChatCompletionRequest(await readBody(context));
        const entry = allowedModel(backend, request.model);
        const ollama = toOllamaRequest(request, entry.name);
        await checkCapabilities(backend, ollama, request.model);
        if (request.stream === true) await streamCompletion(context.res, backend, request, ollama);
        else await wholeCompletion(context.res, backend, request, ollama);
      }),
    },
  ];
}
