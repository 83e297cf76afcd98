import type { RunResult } from '../../shared/eval/run-record';
import { streamOllamaChat } from '../chat/ollama-chat';
import { stallOptionsOf, type OllamaLink } from '../ollama/ollama-link';

/**
 * One evaluation request: a streamed chat over the app's Ollama link (its connection limits, its
 * stall watchdog, its error words), read by the chat's own reader, with `think` and `format`
 * beside the options as Ollama takes them, timed as it streams.
 */

const NS_PER_MS = 1_000_000;

export interface EvalChatRequest {
  model: string;
  request: RunResult['request'];
  /** A JSON schema the answer must follow (the judge's grade). */
  format?: Record<string, unknown>;
}

export interface EvalAnswer {
  output: string;
  thinking: string | null;
  doneReason: string | null;
  promptTokens: number | null;
  outputTokens: number | null;
  /** From sending the request to the first content or thinking token (measured here). */
  timeToFirstTokenMs: number | null;
  /** Ollama's eval_count over eval_duration. */
  tokensPerSecond: number | null;
  /** From sending the request to the final chunk (measured here: what "answered within N s" means). */
  totalMs: number;
}

export async function evalChat(
  link: OllamaLink,
  input: EvalChatRequest,
  signal: AbortSignal,
  onWaiting?: (silentSeconds: number | null) => void,
  now: () => number = () => performance.now(),
): Promise<EvalAnswer> {
  const { messages, options, think } = input.request;
  const request = { model: input.model, messages, options, think, ...(input.format ? { format: input.format } : {}) };
  const started = now();
  let firstAt: number | null = null;
  const output: string[] = [];
  const thinking: string[] = [];
  let answer: EvalAnswer | null = null;
  // The reader ends with an error when the stream ends without its final chunk: an answer is whole here.
  for await (const event of streamOllamaChat(link.host, request, { signal, fetch: link.fetch, stall: stallOptionsOf(link.timeouts, onWaiting) })) {
    if (event.type !== 'done') {
      firstAt ??= now();
      (event.type === 'delta' ? output : thinking).push(event.text);
      continue;
    }
    const { evalCount, evalDuration } = event.stats;
    answer = {
      output: output.join(''),
      thinking: thinking.length > 0 ? thinking.join('') : null,
      doneReason: event.stats.doneReason,
      promptTokens: event.stats.promptEvalCount,
      outputTokens: evalCount,
      timeToFirstTokenMs: firstAt === null ? null : firstAt - started,
      tokensPerSecond: evalCount !== null && evalDuration !== null && evalDuration > 0 ? evalCount / (evalDuration / NS_PER_MS / 1000) : null,
      totalMs: now() - started,
    };
  }
  if (answer === null) throw new Error('unreachable: the chat stream ended without its final chunk and without an error');
  return answer;
}
