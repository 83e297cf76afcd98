import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { toOllamaError, unexpectedReplyError } from '../ollama/errors';
import { cancelledError, readNdjson } from '../ollama/ndjson';
import { parseReply } from '../ollama/replies';
import { responseError } from '../ollama/stream-request';

/**
 * POST /api/chat as a stream, read with the app's NDJSON reader rather than the npm client's
 * iterator so that a stop aborts the one fetch at once and every failure maps the same way as
 * the other Ollama calls: an HTTP error before the first line (404 for an unknown model), a late
 * `{"error"}` line, or a connection cut mid-reply.
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

export type ChatStreamEvent = { type: 'delta'; text: string } | { type: 'done'; stats: ChatFinalStats };

export type ChatStreamer = (request: OllamaChatRequest, signal: AbortSignal) => AsyncIterable<ChatStreamEvent>;

const count = z.number().nonnegative().optional();

/** One streamed line. Loose: Ollama adds fields (thinking, tool_calls, logprobs) release by release. */
const chatLineSchema = z.looseObject({
  message: z.looseObject({ content: z.string().optional() }).optional(),
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

export interface StreamChatOptions {
  signal: AbortSignal;
  fetch?: typeof fetch;
}

export async function* streamOllamaChat(host: string, request: OllamaChatRequest, options: StreamChatOptions): AsyncGenerator<ChatStreamEvent> {
  const base = host.replace(/\/+$/, '');
  const ctx = { host: base, endpoint: CHAT_ENDPOINT, signal: options.signal };
  const doFetch = options.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await doFetch(`${base}${CHAT_ENDPOINT}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/x-ndjson' },
      body: JSON.stringify({ ...request, stream: true }),
      signal: options.signal,
    });
  } catch (error) {
    throw options.signal.aborted ? cancelledError(ctx) : toOllamaError(error, ctx);
  }
  if (!response.ok || response.body === null) {
    let text = '';
    try {
      text = await response.text();
    } catch {
      if (options.signal.aborted) throw cancelledError(ctx);
    }
    throw toOllamaError(responseError(response.status, text, response.statusText), ctx);
  }

  for await (const raw of readNdjson(response.body, ctx)) {
    const line = parseReply(CHAT_ENDPOINT, chatLineSchema, raw);
    const text = line.message?.content ?? '';
    if (text !== '') yield { type: 'delta', text };
    if (line.done === true) {
      yield { type: 'done', stats: statsOf(line) };
      return;
    }
  }
  if (options.signal.aborted) throw cancelledError(ctx);
  throw unexpectedReplyError(CHAT_ENDPOINT, 'the stream ended before the final chunk');
}

export function isCancelled(error: unknown): boolean {
  return error instanceof AppError && error.kind === 'cancelled';
}
