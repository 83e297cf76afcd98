import { isValidModelName } from '../../../src/shared/model-name';
import type { Exchange } from './exchange';
import { FOREVER_MS, keepAliveMs } from './go-duration';
import { bindJson, str } from './go-json';
import { JSON_CONTENT_TYPE, pause, sendError, sendJson } from './http-io';
import type { FakeModel } from './model-store';
import { respond, type StreamItem } from './stream-response';
import type { ChatSettings } from './types';

/**
 * POST /api/chat and /api/generate (ChatHandler, GenerateHandler): token streaming at a
 * configurable rate, the final metrics chunk, `stream:false`, and the load/unload forms (no
 * messages or no prompt → one object with done_reason "load"; keep_alive 0 → "unload").
 */

type Kind = 'chat' | 'generate';

const DEFAULT_KEEP_ALIVE_MS = 5 * 60 * 1000;
const DEFAULT_NUM_CTX = 4096;
const WORDS = ['This', 'is', 'a', 'reply', 'from', 'the', 'fake', 'Ollama', 'server', 'for', 'tests', 'and', 'manual', 'runs.'];

function replyTokens(chat: ChatSettings): string[] {
  if (chat.text !== undefined) return chat.text.match(/\s*\S+/g) ?? [];
  return Array.from({ length: chat.tokens }, (_, i) => `${i === 0 ? '' : ' '}${WORDS[i % WORDS.length] ?? ''}`);
}

function chunk(kind: Kind, model: string, text: string): Record<string, unknown> {
  const head = { model, created_at: new Date().toISOString() };
  return kind === 'chat' ? { ...head, message: { role: 'assistant', content: text } } : { ...head, response: text };
}

function promptTokens(body: Record<string, unknown>, kind: Kind): number {
  const text =
    kind === 'chat'
      ? (body.messages as Array<Record<string, unknown>>).map((m) => String(m.content ?? '')).join(' ')
      : str(body, 'system') + str(body, 'prompt');
  return Math.max(1, Math.ceil(text.length / 4));
}

interface Run {
  kind: Kind;
  requested: string;
  tokens: string[];
  numPredict: number;
  promptCount: number;
  tokensPerSecond: number;
  startedAt: number;
  loadNs: number;
}

async function* tokenItems(run: Run, signal: AbortSignal): AsyncGenerator<StreamItem> {
  const delay = run.tokensPerSecond > 0 ? 1000 / run.tokensPerSecond : 0;
  const evalStart = Date.now();
  let count = 0;
  let truncated = false;
  for (const token of run.tokens) {
    if (run.numPredict > 0 && count >= run.numPredict) {
      truncated = true;
      break;
    }
    await pause(delay, signal);
    if (signal.aborted) return;
    count++;
    yield { ...chunk(run.kind, run.requested, token), done: false };
  }
  const evalNs = Math.max(1, (Date.now() - evalStart) * 1e6);
  yield {
    ...chunk(run.kind, run.requested, ''),
    done: true,
    done_reason: truncated ? 'length' : 'stop',
    ...(run.kind === 'generate' ? { context: [128006, 882, 128007, 271] } : {}),
    total_duration: Math.max(1, (Date.now() - run.startedAt) * 1e6) + run.loadNs,
    load_duration: run.loadNs,
    prompt_eval_count: run.promptCount,
    prompt_eval_duration: run.promptCount * 250_000,
    ...(count > 0 ? { eval_count: count, eval_duration: evalNs } : {}),
  };
}

/** writeChatResponse with stream:false: the last chunk with all the text joined. */
function joinChunks(kind: Kind): (items: Array<Record<string, unknown>>) => unknown {
  return (items) => {
    const last = items[items.length - 1] ?? {};
    if (kind === 'generate') return { ...last, response: items.map((i) => String(i.response ?? '')).join('') };
    const content = items.map((i) => String((i.message as Record<string, unknown> | undefined)?.content ?? '')).join('');
    return { ...last, message: { role: 'assistant', content } };
  };
}

function numOption(model: FakeModel, options: Record<string, unknown>, name: string): number | undefined {
  const value = options[name] ?? model.parameters[name];
  return typeof value === 'number' ? value : undefined;
}

async function handleInference(ex: Exchange, raw: string, kind: Kind): Promise<void> {
  const bound = bindJson(raw, kind === 'chat' ? 'ChatRequest' : 'GenerateRequest', {
    model: 'string',
    stream: 'bool',
    options: 'object',
    keep_alive: 'any',
    system: 'string',
    prompt: 'string',
    template: 'string',
    raw: 'bool',
    ...(kind === 'chat' ? { messages: 'message-list' as const } : {}),
  });
  if (!bound.ok) return sendError(ex.res, 400, bound.error);
  const body = bound.value;
  let keepAlive: number | undefined;
  if (body.keep_alive !== undefined) {
    try {
      keepAlive = keepAliveMs(body.keep_alive);
    } catch (error) {
      return sendError(ex.res, 400, (error as Error).message);
    }
  }

  const requested = str(body, 'model');
  const name = requested.trim();
  if (name === '') return kind === 'chat' ? sendError(ex.res, 400, 'model is required') : sendError(ex.res, 404, `model '${requested}' not found`);
  if (!isValidModelName(name)) return sendError(ex.res, 400, 'invalid model name');
  const model = ex.ctx.store.get(name);
  if (!model) return sendError(ex.res, 404, `model '${requested}' not found`);

  const empty = kind === 'chat' ? !Array.isArray(body.messages) || body.messages.length === 0 : str(body, 'prompt') === '';
  const done = (reason: string): Record<string, unknown> => ({ ...chunk(kind, requested, ''), done: true, done_reason: reason });
  if (empty && keepAlive === 0) {
    ex.ctx.store.unload(name);
    return sendJson(ex.res, 200, done('unload'));
  }
  if (!model.capabilities.includes('completion')) return sendError(ex.res, 400, `${JSON.stringify(requested)} does not support ${kind}`);

  const options = (body.options as Record<string, unknown> | undefined) ?? {};
  const contextLength = numOption(model, options, 'num_ctx') ?? DEFAULT_NUM_CTX;
  const wasLoaded = ex.ctx.store.running().some((r) => r.model === model);
  const lifetime = keepAlive ?? DEFAULT_KEEP_ALIVE_MS;
  ex.ctx.store.load(name, lifetime, contextLength, lifetime >= FOREVER_MS);
  if (empty) return sendJson(ex.res, 200, done('load'));

  const { chat } = ex.ctx.settings;
  const run: Run = {
    kind,
    requested,
    tokens: replyTokens(chat),
    numPredict: numOption(model, options, 'num_predict') ?? -1,
    promptCount: promptTokens(body, kind),
    tokensPerSecond: chat.tokensPerSecond,
    startedAt: Date.now(),
    loadNs: wasLoaded ? 1_500_000 : 1_250_000_000,
  };
  await respond(ex, body.stream, tokenItems(run, ex.signal), joinChunks(kind), JSON_CONTENT_TYPE);
  // The runner stays for keep_alive after the request; 0 unloads it at once.
  if (keepAlive === 0) ex.ctx.store.unload(name);
  else ex.ctx.store.load(name, lifetime, contextLength, lifetime >= FOREVER_MS);
}

export function handleChat(ex: Exchange, raw: string): Promise<void> {
  return handleInference(ex, raw, 'chat');
}

export function handleGenerate(ex: Exchange, raw: string): Promise<void> {
  return handleInference(ex, raw, 'generate');
}
