import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { unexpectedReplyError } from '../ollama/errors';
import { cancelledError } from '../ollama/ndjson';
import { parseReply } from '../ollama/replies';
import { postNdjson, type StreamOptions } from '../ollama/stream-request';

/**
 * POST /api/chat as a stream, read with the app's NDJSON reader rather than the npm client's
 * iterator so that a stop aborts the one fetch at once and every failure maps the same way as
 * the other Ollama calls: an HTTP error before the first line (404 for an unknown model), a late
 * `{"error"}` line, a connection cut mid-reply, or Ollama going silent (see StallWatchdog).
 * The one reader of chat streams: the chat, the OpenAI-compatible routes and evaluation runs
 * (which also ask for thinking and a JSON-schema `format`).
 */

export const CHAT_ENDPOINT = '/api/chat';

export interface OllamaChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The fields of Ollama's ChatRequest this app sends. */
export interface OllamaChatRequest {
  model: string;
  messages: OllamaChatMessage[];
  /** Runtime options (`temperature`, `num_ctx`, `num_predict`, `stop`, …). */
  options?: Record<string, unknown>;
  keep_alive?: string | number;
  /** Off unless asked: since Ollama 0.12.4 capable models think first by default, which the chat and the proxy do not show. */
  think?: boolean | 'low' | 'medium' | 'high' | 'max';
  /** `"json"` or a JSON schema the answer must follow (structured outputs). */
  format?: 'json' | Record<string, unknown>;
}

/** The metrics of the final chunk, in Ollama's nanoseconds. */
export interface ChatFinalStats {
  doneReason: string | null;
  totalDuration: number | null;
  loadDuration: number | null;
  promptEvalCount: number | null;
  promptEvalDuration: number | null;
  evalCount: number | null;
  evalDuration: number | null;
}

/** `thinking` comes only when the request asked for it (`think`), before the answer's deltas. */
export type ChatStreamEvent = { type: 'delta'; text: string } | { type: 'thinking'; text: string } | { type: 'done'; stats: ChatFinalStats };

/** `onWaiting` hears "no answer from Ollama for N s" (null when text flows again). */
export type ChatStreamer = (
  request: OllamaChatRequest,
  signal: AbortSignal,
  onWaiting?: (silentSeconds: number | null) => void,
) => AsyncIterable<ChatStreamEvent>;

const count = z.number().nonnegative().optional();

/** One streamed line. Loose: Ollama adds fields (thinking, tool_calls, logprobs) release by release. */
const chatLineSchema = z.looseObject({
  message: z.looseObject({ content: z.string().optional(), thinking: z.string().optional() }).optional(),
  done: z.boolean().optional(),
  done_reason: z.string().optional(),
  total_duration: count,
  load_duration: count,
  prompt_eval_count: count,
  prompt_eval_duration: count,
  eval_count: count,
  eval_duration: count,
});
type ChatLine = z.output<typeof chatLineSchema>;

const STAT_FIELDS = ['done_reason', 'total_duration', 'load_duration', 'prompt_eval_count', 'prompt_eval_duration', 'eval_count', 'eval_duration'] as const;

/**
 * A token line that the schema would take as it is, recognised without running it: a fast stream
 * is mostly such lines, and walking the schema for each was a measurable part of an evaluation
 * run's time. Anything else (the final chunk, a field of the wrong type) goes through the schema.
 */
function tokenLine(raw: Record<string, unknown>): ChatLine | null {
  if (raw.done !== false && raw.done !== undefined) return null;
  const message = raw.message;
  if (message !== undefined) {
    if (typeof message !== 'object' || message === null || Array.isArray(message)) return null;
    const { content, thinking } = message as { content?: unknown; thinking?: unknown };
    if ((content !== undefined && typeof content !== 'string') || (thinking !== undefined && typeof thinking !== 'string')) return null;
  }
  for (const field of STAT_FIELDS) if (raw[field] !== undefined) return null;
  return raw as ChatLine;
}

function statsOf(line: ChatLine): ChatFinalStats {
  return {
    doneReason: line.done_reason ?? null,
    totalDuration: line.total_duration ?? null,
    loadDuration: line.load_duration ?? null,
    promptEvalCount: line.prompt_eval_count ?? null,
    promptEvalDuration: line.prompt_eval_duration ?? null,
    evalCount: line.eval_count ?? null,
    evalDuration: line.eval_duration ?? null,
  };
}

export interface StreamChatOptions extends StreamOptions {
  signal: AbortSignal;
}

export async function* streamOllamaChat(host: string, request: OllamaChatRequest, options: StreamChatOptions): AsyncGenerator<ChatStreamEvent> {
  const ctx = { host: host.replace(/\/+$/, ''), endpoint: CHAT_ENDPOINT, signal: options.signal };
  let finished = false;
  try {
    for await (const raw of postNdjson(host, CHAT_ENDPOINT, { think: false, ...request, stream: true }, options)) {
      // Ollama ends the body right after the final chunk. Reading on to that end, rather than
      // cancelling the body, keeps the connection for the next request (a cancel closes it).
      if (finished) continue;
      const line = tokenLine(raw) ?? parseReply(CHAT_ENDPOINT, chatLineSchema, raw);
      const thought = line.message?.thinking ?? '';
      if (thought !== '') yield { type: 'thinking', text: thought };
      const text = line.message?.content ?? '';
      if (text !== '') yield { type: 'delta', text };
      if (line.done === true) {
        finished = true;
        yield { type: 'done', stats: statsOf(line) };
      }
    }
  } catch (error) {
    // The answer was whole: what happens to the connection after it is not a failure.
    if (!finished) throw error;
  }
  if (finished) return;
  if (options.signal.aborted) throw cancelledError(ctx);
  throw unexpectedReplyError(CHAT_ENDPOINT, 'the stream ended before the final chunk');
}

export function isCancelled(error: unknown): boolean {
  return error instanceof AppError && error.kind === 'cancelled';
}
