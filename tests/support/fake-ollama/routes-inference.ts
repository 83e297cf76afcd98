import { isValidModelName } from '../../../src/shared/model-name';
import type { Exchange } from './exchange';
import { FOREVER_MS, keepAliveMs } from './go-duration';
import { bindJson, str } from './go-json';
import { JSON_CONTENT_TYPE, pause, sendError, sendJson } from './http-io';
import type { FakeModel } from './model-store';
import { capabilitiesOf } from './capabilities';
import { formatSetting, thinkSetting, thinkValueError } from './inference-input';
import { planReply, type ReplyPlan } from './reply-plan';
import { StreamFailure, respond, type StreamItem } from './stream-response';
import { fullModelName, toolSpecs, type ToolCallOut } from './tool-calls';

/**
 * POST /api/chat and /api/generate (ChatHandler, GenerateHandler): token streaming at a
 * configurable rate (the words come from reply-plan), `thinking` chunks for capable models,
 * `format`, the final metrics chunk, `stream:false`, and the load/unload forms (no messages or no
 * prompt → one object with done_reason "load"; keep_alive 0 → "unload").
 */

type Kind = 'chat' | 'generate';

const DEFAULT_KEEP_ALIVE_MS = 5 * 60 * 1000;
const DEFAULT_NUM_CTX = 4096;
/** At full speed (no token delay) durations are reported as if the model ran at these rates. */
const NOMINAL_EVAL_NS_PER_TOKEN = 20_000_000;
const PROMPT_EVAL_NS_PER_TOKEN = 250_000;

function chunk(kind: Kind, model: string, text: string, thinking = ''): Record<string, unknown> {
  const head = { model, created_at: new Date().toISOString() };
  // Go's omitempty: `thinking` only when there is some; `content`/`response` always.
  const extra = thinking === '' ? {} : { thinking };
  return kind === 'chat' ? { ...head, message: { role: 'assistant', content: text, ...extra } } : { ...head, response: text, ...extra };
}

interface Run {
  kind: Kind;
  requested: string;
  plan: ReplyPlan;
  /** An invalid `format`: the runner refuses before the first token. */
  formatError: string | null;
  numPredict: number;
  tokensPerSecond: number;
  startedAt: number;
  loadNs: number;
}

/** Tokens as streamed: thinking first, then the content; num_predict counts both, as Ollama's runner does. */
async function* tokenItems(run: Run, signal: AbortSignal): AsyncGenerator<StreamItem> {
  if (run.formatError !== null) {
    yield new StreamFailure(run.formatError);
    return;
  }
  const delay = run.tokensPerSecond > 0 ? 1000 / run.tokensPerSecond : 0;
  await pause(run.plan.delayMs, signal);
  if (signal.aborted) return;
  const evalStart = Date.now();
  const tokens: Array<{ thinking: string; text: string; call?: ToolCallOut }> = [
    ...run.plan.thinking.map((t) => ({ thinking: t, text: '' })),
    ...run.plan.toolCalls.map((call) => ({ thinking: '', text: '', call })),
    ...run.plan.content.map((t) => ({ thinking: '', text: t })),
  ];
  let count = 0;
  let truncated = false;
  for (const token of tokens) {
    if (run.numPredict > 0 && count >= run.numPredict) {
      truncated = true;
      break;
    }
    await pause(delay, signal);
    if (signal.aborted) return;
    count++;
    const line = chunk(run.kind, run.requested, token.text, token.thinking);
    if (token.call) (line.message as Record<string, unknown>).tool_calls = [token.call];
    yield { ...line, done: false };
  }
  const evalNs = delay > 0 ? Math.max(1, (Date.now() - evalStart) * 1e6) : count * NOMINAL_EVAL_NS_PER_TOKEN;
  const promptEvalNs = run.plan.promptTokens * PROMPT_EVAL_NS_PER_TOKEN + run.plan.delayMs * 1e6;
  const wallNs = (Date.now() - run.startedAt) * 1e6;
  yield {
    ...chunk(run.kind, run.requested, ''),
    done: true,
    done_reason: truncated ? 'length' : 'stop',
    ...(run.kind === 'generate' ? { context: [128006, 882, 128007, 271] } : {}),
    total_duration: run.loadNs + Math.max(wallNs, promptEvalNs + evalNs),
    load_duration: run.loadNs,
    prompt_eval_count: run.plan.promptTokens,
    prompt_eval_duration: promptEvalNs,
    // Go's omitempty drops them when nothing was generated.
    ...(count > 0 ? { eval_count: count, eval_duration: evalNs } : {}),
  };
}

function joined(items: Array<Record<string, unknown>>, pick: (item: Record<string, unknown>) => unknown): string {
  return items.map((item) => (typeof pick(item) === 'string' ? (pick(item) as string) : '')).join('');
}

/** writeChatResponse with stream:false: the last chunk with all the text (and thinking) joined. */
function joinChunks(kind: Kind): (items: Array<Record<string, unknown>>) => unknown {
  return (items) => {
    const last = items[items.length - 1] ?? {};
    if (kind === 'generate') {
      const thinking = joined(items, (i) => i.thinking);
      return { ...last, response: joined(items, (i) => i.response), ...(thinking ? { thinking } : {}) };
    }
    const message = (i: Record<string, unknown>): Record<string, unknown> => (i.message as Record<string, unknown> | undefined) ?? {};
    const thinking = joined(items, (i) => message(i).thinking);
    const toolCalls = items.flatMap((i) => (Array.isArray(message(i).tool_calls) ? (message(i).tool_calls as unknown[]) : []));
    return {
      ...last,
      message: { role: 'assistant', content: joined(items, (i) => message(i).content), ...(thinking ? { thinking } : {}), ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}) },
    };
  };
}

function numOption(model: FakeModel, options: Record<string, unknown>, name: string): number | undefined {
  const value = options[name] ?? model.parameters[name];
  return typeof value === 'number' ? value : undefined;
}

/** api.ThinkValue fails while binding, ahead of any other field's type error. */
function thinkBindError(raw: string, version: string): string | null {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    return thinkValueError((parsed as Record<string, unknown>).think, version);
  } catch {
    return null;
  }
}

async function handleInference(ex: Exchange, raw: string, kind: Kind): Promise<void> {
  const thinkError = thinkBindError(raw, ex.ctx.settings.version);
  if (thinkError !== null) return sendError(ex.res, 400, thinkError);
  const bound = bindJson(raw, kind === 'chat' ? 'ChatRequest' : 'GenerateRequest', {
    model: 'string',
    stream: 'bool',
    options: 'object',
    keep_alive: 'any',
    system: 'string',
    prompt: 'string',
    template: 'string',
    raw: 'bool',
    think: 'any',
    format: 'any',
    ...(kind === 'chat' ? { messages: 'message-list' as const, tools: 'tool-list' as const } : {}),
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
  const capabilities = capabilitiesOf(model);
  const think = thinkSetting(body.think, capabilities.includes('thinking'));
  if (think === null) return sendError(ex.res, 400, `${JSON.stringify(requested)} does not support thinking`);
  if (!capabilities.includes('completion')) return sendError(ex.res, 400, `${JSON.stringify(requested)} does not support ${kind}`);
  // scheduleRunner's CheckCapabilities: tools asked of a model whose template has no .Tools.
  if (kind === 'chat' && toolSpecs(body.tools).length > 0 && !capabilities.includes('tools')) {
    return sendError(ex.res, 400, `${fullModelName(requested)} does not support tools`);
  }

  const options = (body.options as Record<string, unknown> | undefined) ?? {};
  const contextLength = numOption(model, options, 'num_ctx') ?? DEFAULT_NUM_CTX;
  const wasLoaded = ex.ctx.store.running().some((r) => r.model === model);
  const lifetime = keepAlive ?? DEFAULT_KEEP_ALIVE_MS;
  ex.ctx.store.load(name, lifetime, contextLength, lifetime >= FOREVER_MS);
  if (empty) return sendJson(ex.res, 200, done('load'));

  const format = formatSetting(body.format);
  const run: Run = {
    kind,
    requested,
    plan: planReply({
      kind,
      model,
      body,
      options,
      think,
      format,
      chat: ex.ctx.settings.chat,
      rules: ex.ctx.replies.rules,
      nextUnseeded: () => ex.ctx.replies.unseededDraws++,
      version: ex.ctx.settings.version,
    }),
    formatError: format.kind === 'invalid' ? format.error : null,
    numPredict: numOption(model, options, 'num_predict') ?? -1,
    tokensPerSecond: ex.ctx.settings.chat.tokensPerSecond,
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
