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
 */

export const CHAT_ENDPOINT = '/api/chat';

/** A call the model asks for (api.ToolCall): `arguments` is an object, not OpenAI's JSON string. */
export interface OllamaToolCall {
  id?: string;
  function: { index?: number; name: string; arguments: Record<string, unknown> };
}

export interface OllamaChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  /** An assistant turn's earlier thinking, given back as Ollama's templates expect it. */
  thinking?: string;
  tool_calls?: OllamaToolCall[];
  /** A tool result: the function it answers (0.9.6) and the call's id (0.12.10). */
  tool_name?: string;
  tool_call_id?: string;
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
  /** Functions the model may call (api.Tool), passed as the client gave them. */
  tools?: unknown[];
  /** `"json"` or a JSON schema the answer must follow. */
  format?: unknown;
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

export type ChatStreamEvent =
  | { type: 'delta'; text: string }
  /** Thinking text (`message.thinking`), streamed before the answer by capable models when asked. */
  | { type: 'thinking'; text: string }
  | { type: 'tool_calls'; calls: OllamaToolCall[] }
  | { type: 'done'; stats: ChatFinalStats };

/**
 * `onWaiting` hears "no answer from Ollama for N s" (null when text flows again); `onHost` hears,
 * before the request goes out, the name of the Ollama host chosen to answer (with several hosts).
 */
export type ChatStreamer = (
  request: OllamaChatRequest,
  signal: AbortSignal,
  onWaiting?: (silentSeconds: number | null) => void,
  onHost?: (host: string) => void,
) => AsyncIterable<ChatStreamEvent>;

const count = z.number().nonnegative().optional();

/** One streamed line. Loose: Ollama adds fields (thinking, tool_calls, logprobs) release by release. */
const toolCallSchema = z.looseObject({
  id: z.string().optional(),
  function: z.looseObject({ index: z.number().int().optional(), name: z.string(), arguments: z.record(z.string(), z.unknown()) }),
});

const chatLineSchema = z.looseObject({
  message: z.looseObject({ content: z.string().optional(), thinking: z.string().optional(), tool_calls: z.array(toolCallSchema).optional() }).optional(),
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
      const line = parseReply(CHAT_ENDPOINT, chatLineSchema, raw);
      const thinking = line.message?.thinking ?? '';
      if (thinking !== '') yield { type: 'thinking', text: thinking };
      const text = line.message?.content ?? '';
      if (text !== '') yield { type: 'delta', text };
      const calls = line.message?.tool_calls ?? [];
      if (calls.length > 0) yield { type: 'tool_calls', calls: calls as OllamaToolCall[] };
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
